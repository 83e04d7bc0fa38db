"""Mẫu 1.3's văn bản kèm theo: the document a Quyết định (quy định gián tiếp) issues
or approves ("Ban hành kèm theo Quyết định này Quy chế …"), set after the decision.

It is not a kind of its own (no `loai:` makes it alone): its rules are the data here,
read by the model (which tên loại it may take), the writer (its parts in order) and
`check` (what to find after the decision's signer).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import Kind


@dataclass(frozen=True)
class Attached:
    mau: str = "1.3"
    # The tên loại a decision issues or approves this way (the kinds of Mẫu 1.4).
    kinds: tuple[str, ...] = ("quy_che", "quy_dinh", "huong_dan", "chuong_trinh", "ke_hoach", "phuong_an", "de_an", "du_an")
    # Its parts in order: the header without Số and without the place and date, the
    # tên loại and trích yếu, the reference to the decision, the content.
    components: tuple[str, ...] = ("co_quan", "quoc_hieu", "tieu_de", "kem_theo", "noi_dung")
    # Note 2: the decision's number, date and issuing agency; for the electronic
    # document in a file of its own the number and date are not filled (note 2).
    reference: str = "(Kèm theo {ten} số {so_ky_hieu} {ngay} của {co_quan})"
    blank: str = "…"
    signed: bool = False  # the decision's signature covers it: no signer, no Nơi nhận
    own_pages: bool = True  # numbered from 1 again, its first page unnumbered (Phần I, Mục I.7)
    closing: str = "./."


ATTACHED = Attached()
KINDS: tuple[Kind, ...] = ()  # no kind of its own
