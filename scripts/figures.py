"""Print the table of figures the README quotes: F1 per field on the sample set and on the dev set's
`tune` and `unseen` parts and as a whole, with macro F1 with and without signed-project parties.

usage: python scripts/figures.py SEED_RECORDS DEV_RECORDS
(the output folders of `extract run seeds/articles` and `extract run seeds/dev/articles`)
"""

from __future__ import annotations

import sys
from pathlib import Path

from extract.review.score import Score, load_subset, score_paths

ROOT = Path(__file__).resolve().parent.parent
PARTIES = "signed_projects.parties"


def _macro_without(score: Score, left_out: str) -> float:
    f1s = [t.prf()[2] for name, t in score.tallies.items() if t.counted and name != left_out]
    return sum(f1s) / len(f1s) if f1s else 0.0


def table(seed_records: Path, dev_records: Path) -> str:
    split = ROOT / "seeds" / "dev" / "split.json"
    dev_gold = ROOT / "seeds" / "dev" / "gold"
    tune, unseen = load_subset(f"{split}:tune"), load_subset(f"{split}:unseen")
    samples = len(list((ROOT / "seeds" / "gold").glob("*.json")))
    columns = {
        f"sample ({samples})": score_paths(ROOT / "seeds" / "gold", seed_records),
        f"dev `tune` ({len(tune)})": score_paths(dev_gold, dev_records, tune),
        f"dev `unseen` ({len(unseen)})": score_paths(dev_gold, dev_records, unseen),
        f"dev, all ({len(tune | unseen)})": score_paths(dev_gold, dev_records),
    }
    fields = list(next(iter(columns.values())).tallies)
    lines = [
        "| field | " + " | ".join(columns) + " |",
        "|---|" + "---:|" * len(columns),
    ]
    for name in fields:
        cells = [f"{s.tallies[name].prf()[2]:.3f}" for s in columns.values()]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| **macro F1** | " + " | ".join(f"**{s.macro_f1:.3f}**" for s in columns.values()) + " |")
    without = " | ".join(f"{_macro_without(s, PARTIES):.3f}" for s in columns.values())
    lines.append(f"| macro F1 without parties | {without} |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(table(Path(sys.argv[1]), Path(sys.argv[2])))


if __name__ == "__main__":
    main()
