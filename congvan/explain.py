"""Vietnamese for what the libraries and the system say in English.

PyYAML, json, tomllib and the operating system report problems in English; a văn
thư reads these instead, each with the fix when the cause is known (a Tab used to
indent, a value holding ": " left unquoted…). Unknown texts get a generic
Vietnamese sentence rather than the English one.
"""

from __future__ import annotations

import errno
import re
from typing import Any

_YAML: list[tuple[str, str]] = [
    (r"found character '\\t' that cannot start any token|found a tab character",
     "có ký tự Tab: YAML chỉ dùng dấu cách để thụt lề (thay Tab bằng dấu cách)"),
    (r"found character '(.)' that cannot start any token",
     "giá trị bắt đầu bằng '{0}' phải đặt trong ngoặc kép, ví dụ trich_yeu: \"{0}…\""),
    (r"mapping values are not allowed here",
     "dấu ':' không đứng được ở đây: giá trị có ': ' phải đặt trong ngoặc kép "
     "(ví dụ trich_yeu: \"Về việc: …\"), hoặc dòng này thụt lề sai"),
    (r"could not find expected ':'",
     "thiếu dấu ':' sau tên khóa, hoặc một dòng của giá trị nhiều dòng thụt lề sai "
     "(giá trị nhiều dòng viết sau 'khoa: |', mọi dòng thụt lề như nhau)"),
    (r"sequence entries are not allowed here",
     "dấu '-' của danh sách phải ở đầu một dòng mới, thụt lề dưới tên khóa"),
    (r"expected <block end>, but found",
     "thụt lề không khớp với các dòng trên: các khóa cùng cấp phải thẳng cột, dùng dấu cách"),
    (r"expected ',' or '\]', but got",
     "danh sách trong [ ] chưa đóng hoặc thiếu dấu ','; một mục có dấu ',' hay ':' phải đặt trong ngoặc kép"),
    (r"expected ',' or '}', but got",
     "nhóm trong {{ }} chưa đóng hoặc thiếu dấu ','; giá trị bắt đầu bằng '{{' phải đặt trong ngoặc kép"),
    (r"found unexpected end of stream",
     "chuỗi mở ngoặc kép chưa được đóng"),
    (r"found unknown escape character",
     "trong ngoặc kép \"…\", dấu '\\' phải viết '\\\\' (hoặc dùng ngoặc đơn '…')"),
    (r"expected alphabetic or numeric character|found undefined alias",
     "giá trị bắt đầu bằng '*' hoặc '&' phải đặt trong ngoặc kép"),
    (r"expected a comment or a line break",
     "sau chuỗi trong ngoặc kép không được viết thêm chữ: đặt cả giá trị trong ngoặc kép"),
    (r"expected a single document|but found another document|found unexpected document separator",
     "mỗi tệp chỉ chứa một văn bản: bỏ dòng '---' hoặc '...' ở giữa tệp"),
    (r"expected chomping or indentation indicators|expected indentation indicator",
     "sau '|' hoặc '>' chỉ được có '-' hoặc '+' rồi xuống dòng"),
    (r"found duplicate anchor",
     "giá trị bắt đầu bằng '&' phải đặt trong ngoặc kép"),
    (r"could not determine a constructor for the tag|found undefined tag handle|expected '!'",
     "giá trị bắt đầu bằng '!' phải đặt trong ngoặc kép (tệp dữ liệu không dùng thẻ YAML)"),
    (r"found unhashable key|mapping keys are not allowed here",
     "tên khóa phải là chữ; giá trị bắt đầu bằng '{{', '[' hay '?' phải đặt trong ngoặc kép"),
    (r"expected the node content",
     "thiếu giá trị: giá trị bắt đầu bằng một dấu đặc biệt phải đặt trong ngoặc kép"),
]

_JSON: list[tuple[str, str]] = [
    (r"Expecting value", "thiếu giá trị (hoặc thừa dấu ',' trước ']' hay '}}')"),
    (r"Expecting property name enclosed in double quotes",
     "tên khóa phải đặt trong ngoặc kép \"…\" (hoặc thừa dấu ',' trước '}}')"),
    (r"Expecting ',' delimiter", "thiếu dấu ',' giữa hai giá trị"),
    (r"Expecting ':' delimiter", "thiếu dấu ':' sau tên khóa"),
    (r"Unterminated string", "chuỗi mở ngoặc kép chưa được đóng"),
    (r"Invalid control character", "chuỗi có ký tự điều khiển; xuống dòng trong chuỗi viết là \\n"),
    (r"Invalid \\u", "mã \\uXXXX không hợp lệ"),
    (r"Invalid \\escape", "trong chuỗi, dấu '\\' phải viết '\\\\'"),
    (r"Extra data", "còn chữ sau dấu '}}' đóng nhóm khóa ngoài cùng"),
]

_TOML: list[tuple[str, str]] = [
    (r"Expected '=' after a key", "thiếu dấu '=' sau tên khóa"),
    (r"Invalid value", "giá trị không hợp lệ: chữ phải đặt trong ngoặc kép, ví dụ trich_yeu = \"…\""),
    (r"Unclosed array", "danh sách [ ] chưa đóng hoặc thiếu dấu ','"),
    (r"Unclosed inline table", "nhóm {{ }} chưa đóng hoặc thiếu dấu ','"),
    (r"Unterminated string", "chuỗi mở ngoặc kép chưa được đóng"),
    (r"Cannot overwrite a value|Duplicate inline table key", "khóa bị lặp lại"),
    (r"Cannot declare (.*) twice", "bảng [{0}] được khai báo hai lần"),
    (r"Cannot (mutate|redefine)", "khóa bị lặp lại hoặc ghi đè lên một bảng đã có"),
    (r"Invalid statement", "dòng này không phải 'khoa = giá trị' hay '[bảng]'"),
    (r"Invalid initial character for a key part",
     "tên khóa có ký tự không hợp lệ (tên có dấu cách hay chữ có dấu phải đặt trong ngoặc kép)"),
    (r"Expected '\]\]'", "thiếu ']]' cuối dòng khai báo bảng"),
    (r"Expected '\]'", "thiếu ']' cuối dòng khai báo bảng"),
    (r"Expected newline or end of document", "sau giá trị phải xuống dòng (mỗi dòng một khóa)"),
    (r"Unescaped '\\'|Invalid hex value|Escaped character",
     "trong ngoặc kép, dấu '\\' phải viết '\\\\' (hoặc dùng ngoặc đơn '…')"),
    (r"Illegal character|Found invalid character", "chuỗi có ký tự không được phép (ký tự điều khiển)"),
    (r"Invalid date", "ngày giờ không hợp lệ"),
]


def _translate(text: str, table: list[tuple[str, str]]) -> str | None:
    for pattern, vietnamese in table:
        match = re.search(pattern, text)
        if match:
            return vietnamese.format(*match.groups())
    return None


def yaml_reason(problem: str | None) -> str:
    """PyYAML's `problem` text → what is wrong and how to fix it."""
    return _translate(problem or "", _YAML) or "cú pháp YAML sai ở chỗ này (kiểm tra dấu ':', ngoặc kép và thụt lề)"


def json_reason(message: str) -> str:
    return _translate(message, _JSON) or "cú pháp JSON sai ở chỗ này"


def toml_reason(message: str) -> str:
    return _translate(message, _TOML) or "cú pháp TOML sai ở chỗ này"


_ERRNO = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.ENOSPC: "đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EEXIST: "tệp đã có",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ELOOP: "liên kết vòng",
    errno.EIO: "lỗi đọc ghi đĩa",
    errno.EDQUOT: "hết hạn mức dung lượng",
    errno.ENOTEMPTY: "thư mục không rỗng",
    errno.EXDEV: "không chuyển được tệp sang ổ đĩa khác",
    errno.EADDRINUSE: "cổng đang được chương trình khác dùng",
    errno.EADDRNOTAVAIL: "địa chỉ không có trên máy này",
}


def os_reason(exc: BaseException) -> str:
    """An OSError's cause in Vietnamese (the system's own texts are English)."""
    number: Any = getattr(exc, "errno", None)
    return _ERRNO.get(number, f"lỗi hệ thống {number}" if number else "lỗi hệ thống")


def os_message(exc: OSError, action: str = "không mở được") -> str:
    """`không mở được out/a.docx: không có quyền truy cập`."""
    name = exc.filename if exc.filename is not None else ""
    return f"{action} {name}: {os_reason(exc)}" if name else f"{action}: {os_reason(exc)}"


_JINJA: list[tuple[str, str]] = [
    (r"unexpected end of template", "thẻ chưa đóng: thiếu '}}}}' hoặc '%}}'"),
    (r"unexpected '}'", "dấu '}}' thừa, hoặc thiếu '{{{{' mở thẻ"),
    (r"expected token 'end of print statement', got '(.*)'",
     "sau tên biến phải là '}}}}' (gặp '{0}'): tên biến viết liền, không dấu, nối bằng '_'"),
    (r"Encountered unknown tag '(.*?)'", "không có thẻ {{% {0} %}}"),
    (r"No filter named '(.*?)'", "không có bộ lọc '{0}' (dùng so, tien, tien_thanh_chu, so_thanh_chu, ngay, ngay_ngan)"),
    (r"unexpected char '(.*?)'", "ký tự '{0}' không dùng được trong thẻ"),
    (r"unexpected '(.*?)'", "'{0}' không đúng chỗ trong thẻ"),
    (r"access to attribute '(.*?)'", "không được dùng thuộc tính '{0}'"),
    (r"unsafe|not safely callable", "mẫu không được gọi vào bên trong Python"),
]


def jinja_reason(message: str) -> str:
    """A Jinja2 syntax or sandbox message → Vietnamese."""
    return _translate(message, _JINJA) or "cú pháp thẻ sai (thẻ viết {{ ten_bien }} hoặc {% if … %}…{% endif %})"
