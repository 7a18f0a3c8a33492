"""The small text helpers resolvers share."""

from extract.text.textutil import written_in


def test_a_short_form_is_written_in_its_full_name_in_order() -> None:
    assert written_in("青禾区科学技术协会", "区科协")
    assert written_in("某某市委员会", "某市委")
    assert not written_in("青禾区协会科学技术", "区科协")  # the characters, but not in order
    assert not written_in("青禾区科学技术协会", "区文联")
