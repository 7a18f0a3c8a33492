"""What every stage may use: where the rule files are (rules_dir), the per-stage stopwatch of the
benchmark (timing), the time and memory budget of one piece of work (budget), hashes of folders of
files (digest).

May import nothing else of extract.
"""
