"""The node sweeper's choice (engine/worker_pool.py): how many stale nodes it re-sends given
the broker's queue depth, and its two-sweep rule."""

from pipelines_server.engine.worker_pool import confirmed, resend_count


def test_a_backlog_waiting_in_the_queue_is_not_re_sent():
    assert resend_count(stale=200, fresh=0, depth=200) == 0
    assert resend_count(stale=150, fresh=50, depth=200) == 0
    assert resend_count(stale=10, fresh=0, depth=500) == 0  # duplicates queued: still none


def test_lost_messages_are_re_sent():
    assert resend_count(stale=200, fresh=0, depth=0) == 200  # the broker restarted empty
    assert resend_count(stale=200, fresh=0, depth=150) == 50
    # the queue's messages stand first for the nodes sent recently
    assert resend_count(stale=20, fresh=100, depth=100) == 20
    assert resend_count(stale=20, fresh=100, depth=110) == 10


def test_nothing_stale_nothing_sent():
    assert resend_count(stale=0, fresh=0, depth=0) == 0
    assert resend_count(stale=0, fresh=30, depth=0) == 0


def test_a_node_is_re_sent_only_when_two_sweeps_in_a_row_find_it():
    again, suspects = confirmed([3, 1, 2], set())
    assert again == [] and suspects == {1, 2, 3}
    again, suspects = confirmed([1, 2, 4], suspects)
    assert again == [1, 2] and suspects == {4}
    again, suspects = confirmed([5], suspects)  # 4 was picked up meanwhile
    assert again == [] and suspects == {5}
