"""The grids' POST body: anything not of the shape the page sends is refused whole, never a server error;
a value that cannot be read is the saver's to report at its cell (see the apps' grid tests)."""

from __future__ import annotations

import json

import pytest

from sakip.lib import grid
from sakip.lib.grid import CellResult, cells_of, ids
from sakip.lib.values import parse_id

GOOD = {"indikator": 1, "kolom": "2021", "value": "7"}


def body(data) -> bytes:
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"\xff\xfe",
        body([GOOD]),  # a list, not an object
        body({"cells": {"0": GOOD}}),  # cells not a list
        body({"cells": ["7"]}),  # a cell that is not an object
        body({"cells": [{"kolom": "2021", "value": "7"}]}),  # no id
        body({"cells": [{"indikator": 1, "value": "7"}]}),  # no column
        body({"cells": [{**GOOD, "value": {"x": 1}}]}),  # a value that is neither text nor number
        b'{"cells": [{"indikator": 1, "kolom": "2021", "value": ' + b"9" * 5000 + b"}]}",
        body({"cells": [GOOD] * (grid.MAX_CELLS + 1)}),
    ],
)
def test_a_body_not_of_grid_cells_is_refused(raw):
    with pytest.raises(grid.GridInvalid) as refused:
        grid.read_cells(raw, "indikator")
    response = refused.value.response()
    assert response.status_code == 400 and json.loads(response.content)["error"]


@pytest.mark.parametrize(
    "cells",
    [
        [],
        [GOOD],
        [{**GOOD, "value": None}, {**GOOD, "value": ""}, {**GOOD, "value": 7.5}, {**GOOD, "value": "BB (75,3)"}],
        [{**GOOD, "value": "1234567890123456"}, {**GOOD, "value": "Rp 1.234.567.890.123.456,50"}],  # 16 digits fit
        [{**GOOD, "value": "tidak terbaca"}],  # the saver reports it, per cell
        [{**GOOD, "value": "12345678901234567"}, {**GOOD, "value": 12345678901234567}, {**GOOD, "value": 1e300}],
    ],
)
def test_grid_cells_are_read(cells):
    assert grid.read_cells(body({"cells": cells}), "indikator") == cells


def test_a_number_no_column_holds_is_read_for_the_saver_to_report():
    raw = b'{"cells": [{"indikator": 1, "kolom": "2021", "value": NaN}, {"indikator": 1, "kolom": "2022", "value": 7}]}'
    assert [c["kolom"] for c in grid.read_cells(raw, "indikator")] == ["2021", "2022"]


def test_an_empty_body_has_no_cells():
    assert grid.read_cells(b"", "indikator") == []
    assert grid.read_cells(b"{}", "indikator") == []


def test_cells_of_reports_cells_of_other_objects_and_columns():
    result = grid.CellResult()
    cells = [GOOD, {**GOOD, "kolom": "1999"}, {**GOOD, "indikator": 2}, {**GOOD, "indikator": "x"}]
    found = list(grid.cells_of(cells, "indikator", {1: "ind"}, {"2021"}, result))
    assert found == [("1:2021", "ind", "2021", "7")]
    assert set(result.errors) == {"1:1999", "2:2021", "x:2021"}
    assert grid.ids(cells, "indikator") == {1, 2}


@pytest.mark.parametrize("raw", ["²", "1000000000000000000000000000000", "-1", "1.5", "", " 7"])
def test_a_forged_id_is_not_found_not_an_error(raw):
    assert parse_id(raw) is None
    result = CellResult()
    cells = [{"indikator": raw, "kolom": "2024", "value": "1"}]
    assert ids(cells, "indikator") == set()
    assert list(cells_of(cells, "indikator", {1: object()}, {"2024"}, result)) == []
    assert list(result.errors.values()) == ["Sel ini bukan bagian dari tabel ini."]
