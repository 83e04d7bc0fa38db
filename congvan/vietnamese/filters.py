"""The Vietnamese text functions as Jinja filters, for content templates:

    {{ so_tien | so }} đồng ({{ so_tien | tien_thanh_chu }})   200.000.000 đồng (Hai trăm triệu đồng)
    {{ so_tien | tien }}                                      the same, in one filter
    {{ 2021 | so_thanh_chu }}                                 hai nghìn không trăm hai mươi mốt
    {{ han | ngay }}, {{ han | ngay("ngan") }}                ngày 05 tháng 3 năm 2021, 05/3/2021
"""

from __future__ import annotations

from .dates import format_date as ngay
from .dates import ngay_ngan
from .formats import format_number as so
from .formats import tien
from .numbers import so_thanh_chu, tien_thanh_chu

FILTERS = {
    "so_thanh_chu": so_thanh_chu,
    "tien_thanh_chu": tien_thanh_chu,
    "so": so,
    "tien": tien,
    "ngay": ngay,
    "ngay_ngan": ngay_ngan,
}
