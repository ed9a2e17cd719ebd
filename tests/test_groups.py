"""pressframe.corpus.groups: the country groups are data, and a group only a metadata row names still has a place."""

from __future__ import annotations

from pressframe.corpus.groups import colours, group, group_for_country, group_order, groups_for, known_groups


def test_known_groups_come_in_the_files_order_with_distinct_colours():
    labels = [g.label for g in known_groups()]
    assert labels[:3] == ["Swiss", "German", "Austrian"]
    assert len({g.colour for g in known_groups()}) == len(labels)


def test_a_new_group_comes_after_the_known_ones_with_a_colour_of_its_own():
    order = group_order({"001": "Liechtenstein", "002": "German", "003": "Swiss"})
    assert order == ["Swiss", "German", "Liechtenstein"]
    assert colours(order)["Liechtenstein"] not in {g.colour for g in known_groups()}
    assert group("Liechtenstein").colour == group("Liechtenstein").colour        # stable, whatever the corpus


def test_assignment_by_country_and_by_source_language():
    assert group_for_country("CH").label == "Swiss"
    assert group_for_country("", translated_from="French").label == "French-derived"
    assert group_for_country("XX") is None
    assert [g.label for g in groups_for(["French-derived", "Swiss", "Swiss"])] == ["Swiss", "French-derived"]
