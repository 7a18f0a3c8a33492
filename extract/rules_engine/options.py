"""The options rule files may give: a field's (keys of its [field] table besides name, kind,
resolver and order) and a rule's (its `options = { … }` table), each with what it does.

`extract rules check` refuses any other key; rules/README.md documents each one, and
tests/test_rules_check.py fails when the code reads an option missing here or here lacks one.
"""

from __future__ import annotations

FIELD_OPTIONS: dict[str, str] = {
    # Cutting a value out of its group (resolve.value_cut.trim), for first, collect, best and objects.
    "split": "a pattern: the value group is cut at each match into several values",
    "break_chars": "characters: the value starts after the last of them (attributes are cut here too, unless attribute_break_chars)",
    "break_words": "a word list: the value starts after the last of its words",
    "break_pattern": "a pattern: the value starts after its last match",
    "lead_in": "a word list (`a+b` joins lists): its words at the start of the value are dropped",
    "drop_marks": "characters removed from the value (its evidence span keeps them)",
    "min_length": "values shorter than this many characters are dropped",
    "refuse": "a pattern: a value in which it is found is dropped",
    "refuse_divisions": "levels of the gazetteer: a value that is only names of divisions of these levels is dropped",
    "word_edges": "a word list: the value starts and ends where a name does by the text's words; its words stay at an edge whatever their tag",
    "refuse_counted": "true: with word_edges, a value opened by a count or pointing word (263个社区, 各个教室) is dropped",
    "entity_ends": "a word list: with the entity layer (--entities), a value opening an organisation it found runs on to that organisation's end, where it ends in one of these words",
    "drop_places": "a word list (best): a value opening with places becomes its tail after them where the text writes that alone and it ends with one of its words, the article's shortest form",
    "drop_places_after": "a word list (with drop_places): last words of places' names; a tail written after one is not written alone",
    # Fields borrowing from other fields (pipeline.borrowed).
    "otherwise": "a field: its value, as written, when this field's rules find nothing",
    "otherwise_extend": "a pattern: right after the borrowed value, extends it (a community inside a township)",
    "otherwise_if": "a word list: the value is borrowed only where the article's text holds one of its words (an event held)",
    "otherwise_unless": "a word list: the value is not borrowed where the sentence of otherwise_unless_at's value holds one (a visit)",
    "otherwise_unless_at": "a field (the date) whose value's sentence otherwise_unless reads",
    # objects
    "attributes": "named groups that fill attributes of each object (first found wins)",
    "attribute_break_chars": "characters: an attribute starts after the last of them (default: break_chars)",
    "list_attributes": "named groups that fill list attributes of each object, entries cut by entry_*",
    "prefer_shorter": "true: of two forms of one name, the shorter one the text ends with is kept",
    "generic": "a word list: a name made only of its words is no name; two names equal without them are one",
    "entry_split": "a pattern: a list attribute's group is cut at each match into entries",
    "entry_lead_in": "a word list: its words at the start of an entry are dropped",
    "entry_cut": "a pattern: an entry ends where it is first found",
    "entry_cut_words": "a word list: an entry ends before its first word (after the first character)",
    "entry_ends_with": "a word list: an entry must end with one of its words, and be more than it",
    "entry_min_length": "entries shorter than this many characters are dropped",
    "entry_refuse": "a pattern: an entry it matches at its start is dropped",
    "entry_word_edges": "a word list of roles (管理方): an entry is the body's name its words hold, starting after them",
    "entry_place_ends": "a word list: endings of a place's name, after which a verb goes on the name (with entry_word_edges)",
    "entry_stands_for": "fields: an entry that is a kind word alone (街道, 该区) is the first of their values ending with it (with entry_word_edges)",
    "entry_stands_for_named": "true: failing entry_stands_for, a kind word alone (社区) is the one body of that kind the text names (青松社区)",
    "entry_sides": "a pattern with a group n (三方): signers only counted are the bodies of the first clause listing that many",
    "entry_delegates": "a word list (代表): failing a body's name, an entry ending with one of its words is taken as written (with entry_word_edges)",
    "entry_drop_places": "true: an entry opening with places becomes its tail where the text writes it alone",
    "entry_otherwise": "a field: a list attribute still empty takes its values, where it holds two or more",
    "entry_counted": "a pattern with a group n (九个): signers counted as other bodies than entry_otherwise's take none of its values",
    # page_or_first, headline, timestamp
    "page_attr": "an attribute of the article (title, published) read from the page's metadata first",
    "strip_tail": "(headline) a pattern: removed from the end of a value found in the text (a site's name)",
    # event_date, event_district, event_city, event_street
    "stamp": "a field (the publication date) whose evidence is never the event's date",
    "headline": "the field holding the headline (default title)",
    "event_fields": "fields whose values' sentences weigh a place as the event's",
    "organisers": "the field holding the organisers (default organisers)",
    "venue": "the field holding the venue",
    "visit": "a pattern: a visit's verb; the place after it weighs as the venue, the visitors' places before it in its sentence do not count",
    "visit_invited": "a pattern: in a visit's sentence, the visitors begin after its last match (the host who invites is none)",
    "zone": "a pattern: a development zone; where the text names one, a township alone does not decide the county",
}

RULE_OPTIONS: dict[str, str] = {
    "role": "stop: the rule's matches end the zone where values are taken; reject: they veto values they overlap",
    "binds_below": "with role stop: only rules of lower priority than this are stopped",
    "within": "a field: the match counts only inside that field's evidence (the headline)",
    "fallback": "true: the rule's matches count only where no other rule of the field matched",
    "decisive": "true (event_date): when this rule's date has no year, the date is null, not a later mention's",
    "as_written": "true (first): the value group is the value, not cut to word edges (the pattern bounds it)",
    "attach_to_all": "true (objects): the match's attributes go to every object that lacks them",
    "attach_to_previous": "true (objects): the match's attributes go to the object mentioned last before it",
    "street_suffix": "(places) the text appended to the value before it is looked up as a township",
    "unlisted_township": "(places) true: the value, a township the gazetteer lacks, counts as one of the county named right before it",
    "levels": "(finder places) only places of these levels: province, city, county, street",
    "verbs": "(finders event_subjects, event_name_openers) a word list: the verbs stating an event (举行, 召开)",
    "subject_ends": "(finders event_subjects, event_name_openers) a word list: a body's name ends with one of its words",
    "joiners": "(finder event_subjects) a word list: words joining co-holders (、, 和, 携手)",
    "generic_words": "(finder event_subjects) a word list: words that alone before the ending make no name (各, 相关)",
    "subject_lead_in": "(finder event_subjects) a word list: words opening the clause before its subject (据悉)",
    "not_ending": "(finders event_subjects, event_name_openers) a word list: a body's name never ends with one of its words (station words)",
    "name_ends": "(finder event_name_openers) a word list: the last words of the name of an event or thing (活动, 驿站)",
    "name_generic": "(finder event_name_openers) a word list: words naming a kind after a body (某街道社区…中心: 社区)",
    "place_words": "(finders event_subjects, event_name_openers) a word list: verbs of going to the event's place (来到, 走进)",
    "appositions": "(finders event_subjects, event_name_openers) a word list: words naming the kind of partner a name follows (共建单位)",
    "min_bodies": "(finder event_subjects) a statement counts only where it names at least this many bodies",
    "lead_verbs": "(finders event_subjects, event_name_openers) a word list: verbs between a subject and its event verb (组织开展)",
    "acting_ends": "(finder event_subjects) a word list: stations that, leading named co-holders, act as a body (新时代文明实践站)",
    "label_words": "(finder event_subjects) a word list: words after the verb that make it a label (主办单位:)",
}
