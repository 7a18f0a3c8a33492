"""Review: scoring against gold (score), the trail of a value (explain), reports and annotated pages
(report, annotate), what each rule hit (coverage), and rule folders checked (rules_check).

May import every stage before it, up to extract.running; only the command line imports it.
"""
