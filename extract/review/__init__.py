"""Review: scoring against gold (score), the trail of a value (explain), a run's records and their
article text read back (reread), the review page (report, over marks in the text and gold_diff, a
record against its gold, with its look in report_style), what each rule hit (coverage),
rule folders checked (rules_check), and the gold-making loop through Label Studio (annotate, over
sheets of values and their label_studio results).

May import every stage before it, up to extract.running; only the command line imports it.
"""
