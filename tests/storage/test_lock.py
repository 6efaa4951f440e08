"""The journal's lock file: shared holds counted per process, exclusive only for the one holder."""

import fcntl
import os

import pytest

from aijournal.storage import lock
from aijournal.storage.lock import JournalBusy


@pytest.fixture
def path(tmp_path):
    return tmp_path / "journal.lock"


def other_program(path, mode: int) -> int:
    """A file descriptor of our own holding `mode` on the lock file, as another process would
    (flock locks belong to the open file, so a second open stands in for a second process)."""
    fd = os.open(path, os.O_RDWR)
    fcntl.flock(fd, mode | fcntl.LOCK_NB)
    return fd


def can_take(path, mode: int) -> bool:
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_share_creates_a_private_lock_file_and_others_may_share_but_not_take_it(path):
    hold = lock.share(path)
    try:
        assert oct(path.stat().st_mode & 0o777) == "0o600"
        assert can_take(path, fcntl.LOCK_SH) and not can_take(path, fcntl.LOCK_EX)
    finally:
        hold.release()
    assert can_take(path, fcntl.LOCK_EX)  # released: the file is closed, the lock gone


def test_one_file_per_journal_counted_by_holders(path, tmp_path):
    first = lock.share(path)
    second = lock.share(tmp_path / "." / "journal.lock")  # the same file, spelled otherwise
    try:
        assert len([k for k in lock._files if k == first.key]) == 1
        assert lock._files[first.key].holders == 2
        first.release()
        first.release()  # a second release is a no-op: it does not drop the other holder
        assert lock._files[second.key].holders == 1
        assert not can_take(path, fcntl.LOCK_EX)
    finally:
        second.release()
    assert first.key not in lock._files and can_take(path, fcntl.LOCK_EX)


def test_exclusive_is_refused_while_another_part_of_this_process_holds_it(path):
    first, second = lock.share(path), lock.share(path)
    try:
        with pytest.raises(JournalBusy, match="Another part of the app") as busy:
            with first.exclusive(wait=0):
                pytest.fail("granted to one of two holders")
        assert "Nothing was changed" in str(busy.value)
    finally:
        first.release()
        second.release()


def test_exclusive_is_held_alone_then_shared_again(path):
    hold = lock.share(path)
    try:
        with hold.exclusive(wait=0):
            assert lock._files[hold.key].exclusive
            assert not can_take(path, fcntl.LOCK_SH)
        assert not lock._files[hold.key].exclusive
        assert can_take(path, fcntl.LOCK_SH) and not can_take(path, fcntl.LOCK_EX)
    finally:
        hold.release()


def test_exclusive_is_refused_while_another_program_has_it_open_and_the_share_is_kept(path):
    hold = lock.share(path)
    app = other_program(path, fcntl.LOCK_SH)
    try:
        with pytest.raises(JournalBusy, match="open in another program"):
            with hold.exclusive(wait=0.1):
                pytest.fail("granted while another program holds the journal")
        os.close(app)
        app = None
        # The refused upgrade took the shared lock back: nobody can replace the file now.
        assert not can_take(path, fcntl.LOCK_EX)
        with hold.exclusive(wait=0):  # and with the other program gone it is granted
            pass
    finally:
        if app is not None:
            os.close(app)
        hold.release()


def test_opening_waits_then_refuses_while_another_program_restores_and_leaves_nothing(path):
    path.touch()
    restoring = other_program(path, fcntl.LOCK_EX)
    try:
        with pytest.raises(JournalBusy, match="restoring the journal or changing its key"):
            lock.share(path, wait=0.1)
        assert os.path.realpath(path) not in lock._files  # nothing kept open
    finally:
        os.close(restoring)
    hold = lock.share(path, wait=0)
    assert lock._files[hold.key].holders == 1
    hold.release()


def test_a_lock_file_that_cannot_be_made_is_a_journal_error(tmp_path):
    with pytest.raises(lock.JournalError) as failed:
        lock.share(tmp_path / "no such folder" / "journal.lock")
    assert not isinstance(failed.value, JournalBusy)
    assert str(failed.value).startswith("Could not open the journal's lock file ")
    assert str(failed.value).endswith(": a part of the path does not exist.")
