"""The record `extract` writes, one per article, as types (docs/record.md describes it)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer


class Evidence(BaseModel):
    """Where one value came from: `raw[span[0]:span[1]]` shows it, `rule` says which rule found it."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(description="Path of the value in the record, e.g. `attendees[3].name`.")
    span: tuple[int, int] = Field(description="Start and end in the article text as read from disk.")
    rule: str = Field(description="Id of the rule (or resolver) that produced the value.")


class Attendee(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    title: str | None = None


class Station(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    address: str | None = None


class SignedProject(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    parties: list[str] = Field(default_factory=list)


# Keys of every record that are no field's value: a field of the rule files never takes one of them.
RESERVED = ("doc_id", "source", "extra", "evidence")
# A value of a field defined by rule files alone: text, or a list of texts or of objects of texts.
ExtraValue = str | list[str] | list[dict[str, str | list[str] | None]] | None


class Record(BaseModel):
    """One article's record. Lists are empty, never null; a value the article does not state is null."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    source: str
    title: str | None = None
    published: str | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    district: str | None = None
    city: str | None = None
    street: str | None = None
    venue: str | None = None
    organisers: list[str] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)
    stations: list[Station] = Field(default_factory=list)
    signed_projects: list[SignedProject] = Field(default_factory=list)
    extra: dict[str, ExtraValue] | None = Field(
        default=None,
        description="Fields a rule file defines beyond these (field name -> value); absent when there are none.",
    )
    evidence: list[Evidence] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _without_empty_extra(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Records of rules without extra fields stay as they were: no `extra` key at all."""
        data: dict[str, Any] = handler(self)
        if data.get("extra") is None:
            data.pop("extra", None)
        return data
