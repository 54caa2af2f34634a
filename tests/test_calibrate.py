"""tools/calibrate.py's bookkeeping: which first answers count as right."""
from tools.calibrate import MIN_ABSTAIN, MIN_PROBABILITY, accepted, choose_point, metrics


def test_a_question_counts_as_answered_right_by_its_own_unit_or_one_it_names_as_also():
    assert accepted({"gold": 4, "also": (7,)}) == {4, 7}
    assert accepted({"gold": 4}) == {4}
    assert accepted({"gold": None, "also": ()}) == set()


def test_metrics_give_the_strict_figure_beside_the_one_with_also_units():
    # (gold, group, top, answerability, rank, scope miss, top probability, top answers it, top has no questions)
    outs = [
        (4, "parent", 4, 0.95, 1, False, 0.8, True, False),     # its own unit first
        (4, "parent", 7, 0.95, 1, False, 0.8, True, False),     # a unit it names as also answering it
        (5, "provider", 9, 0.95, 2, False, 0.8, False, False),  # another unit: wrong
        (6, "provider", 6, 0.50, 1, False, 0.8, True, False),   # right unit, but declined
        (None, "off_topic", 3, 0.20, None, False, 0.8, False, False),  # declined: right
        (None, "near_field", 3, 0.99, None, True, 0.8, False, False),  # scope guard declines it
    ]
    m = metrics(outs, (0.1, 0.9, 0.9))
    assert m["hit1"] == 0.5 and m["hit1_own_unit"] == 0.25
    assert m["hit3"] == 0.75 and m["abstain"] == 1.0
    assert m["by_group"] == {"near_field": 1.0, "off_topic": 1.0, "parent": 1.0, "provider": 0.0}


def test_a_best_unit_without_authored_questions_is_held_to_its_own_threshold():
    # the same answerability, 0.6, answers a question whose best unit has no questions at threshold 0.5 only
    with_questions = (6, "provider", 6, 0.6, 1, False, 0.8, True, False)
    without = (6, "provider", 6, 0.6, 1, False, 0.8, True, True)
    assert metrics([with_questions], (0.1, 0.9, 0.5))["hit1"] == 0.0
    assert metrics([without], (0.1, 0.9, 0.5))["hit1"] == 1.0
    assert metrics([without], (0.1, 0.5, 0.9))["hit1"] == 0.0


def test_each_threshold_is_the_lowest_that_declines_the_share_of_its_own_negatives():
    negative = lambda a, no_questions: (None, "off_topic", 3, a, None, False, 0.8, False, no_questions)  # noqa: E731
    # ten negatives landing on units with questions, answerability 0.05 … 0.95: 0.91 declined from 0.96 on
    regular = [negative(i / 10 + 0.05, False) for i in range(10)]
    # ten stripped negatives landing on a unit without questions, answerability 0.005 … 0.095
    landing = [negative(i / 100 + 0.005, True) for i in range(10)]
    floor, threshold, threshold_no_questions = choose_point(regular, landing)
    assert floor == MIN_PROBABILITY and MIN_ABSTAIN == 0.91
    assert threshold == 0.96 and threshold_no_questions == 0.1
    # without stripped negatives on such units the regular threshold serves both
    assert choose_point(regular, []) == (MIN_PROBABILITY, 0.96, 0.96)
