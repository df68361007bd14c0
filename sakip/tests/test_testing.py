"""The test helpers themselves: a query-count failure lists the SQL that ran."""

import pytest

from sakip.models import Pemda
from sakip.testing import assert_max_queries, assert_num_queries, assert_same_queries, capture_queries


def test_query_count_failures_list_the_sql(db):
    with capture_queries("one pemda") as one:
        list(Pemda.objects.all())
    with capture_queries("two lists") as two:
        list(Pemda.objects.all())
        list(Pemda.objects.filter(kode="x"))
    assert len(one) == 1 and len(two) == 2
    assert_num_queries(one, 1)
    assert_max_queries(two, 2)
    assert_same_queries([one, two], [one, two])

    with pytest.raises(AssertionError) as failure:
        assert_same_queries(one, two)
    message = str(failure.value)
    assert "query counts differ: [1] != [2]" in message
    assert "2 queries for two lists:" in message and "  2. SELECT" in message and '"kode" = ' in message
    with pytest.raises(AssertionError, match=r"expected 2 queries, got 1\n1 queries for one pemda:\n  1. SELECT"):
        assert_num_queries(one, 2)
    with pytest.raises(AssertionError, match="expected at most 1 queries, got 2"):
        assert_max_queries(two, 1)
