"""tools/calibrate.py's bookkeeping: which first answers count as right."""
from tools.calibrate import accepted, metrics


def test_a_question_counts_as_answered_right_by_its_own_unit_or_one_it_names_as_also():
    assert accepted({"gold": 4, "also": (7,)}) == {4, 7}
    assert accepted({"gold": 4}) == {4}
    assert accepted({"gold": None, "also": ()}) == set()


def test_metrics_give_the_strict_figure_beside_the_one_with_also_units():
    # (gold, group, top, answerability, rank, scope miss, top probability, top answers it)
    outs = [
        (4, "parent", 4, 0.95, 1, False, 0.8, True),     # its own unit first
        (4, "parent", 7, 0.95, 1, False, 0.8, True),     # a unit it names as also answering it
        (5, "provider", 9, 0.95, 2, False, 0.8, False),  # another unit: wrong
        (6, "provider", 6, 0.50, 1, False, 0.8, True),   # right unit, but declined
        (None, "off_topic", 3, 0.20, None, False, 0.8, False),  # declined: right
        (None, "near_field", 3, 0.99, None, True, 0.8, False),  # scope guard declines it
    ]
    m = metrics(outs, (0.1, 0.9))
    assert m["hit1"] == 0.5 and m["hit1_own_unit"] == 0.25
    assert m["hit3"] == 0.75 and m["abstain"] == 1.0
    assert m["by_group"] == {"near_field": 1.0, "off_topic": 1.0, "parent": 1.0, "provider": 0.0}
