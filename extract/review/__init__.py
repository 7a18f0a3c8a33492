"""Review: scoring against gold (score), the trail of a value (explain), reports (report), what each
rule hit (coverage), rule folders checked (rules_check), and the gold-making loop through Label
Studio (annotate, over sheets of values and their label_studio results).

May import every stage before it, up to extract.running; only the command line imports it.
"""
