#!/usr/bin/env bash
# Set-up and everyday commands for congvan on a Debian machine.
#   bash dev.sh examples   set up, then render examples/ into out/
#   bash dev.sh test       set up, then run the tests
#   bash dev.sh setup      set up only
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(libreoffice-writer-nogui fonts-liberation2 poppler-utils fontconfig)
# The browser tests of `congvan serve` drive Debian's Chromium (through Playwright, which
# never downloads a browser here); without it they are skipped, so it may fail to install.
BROWSER_PACKAGES=(chromium)
VENV=.venv

need_apt() {
    command -v soffice >/dev/null 2>&1 || return 0
    command -v pdftoppm >/dev/null 2>&1 || return 0
    command -v fc-list >/dev/null 2>&1 || return 0
    fc-list 2>/dev/null | grep -q "Liberation Serif" || return 0
    return 1
}

setup() {
    if need_apt; then
        echo "Cài gói Debian: ${APT_PACKAGES[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
    fi
    if ! command -v chromium >/dev/null 2>&1; then
        echo "Cài gói Debian: ${BROWSER_PACKAGES[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${BROWSER_PACKAGES[@]}" >/dev/null; } || echo "Không cài được chromium: các kiểm thử trên trình duyệt sẽ bị bỏ qua." >&2
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        python3 -m venv "$VENV"
    fi
    local stamp="$VENV/.congvan-installed"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$VENV/bin/pip" install -q --upgrade pip >/dev/null
        "$VENV/bin/pip" install -q -e '.[test,cluster]'
        touch "$stamp"
    fi
}

case "${1:-}" in
    setup) setup ;;
    examples)
        setup
        # batch, not render: it also fills the mẫu nội dung in examples/mau/ from its table.
        "$VENV/bin/congvan" batch examples/ -o "${OUT:-out}/" --format "${FORMAT:-docx}"
        ;;
    test)
        setup
        shift
        "$VENV/bin/python" -m pytest -q "$@"
        ;;
    *)
        echo "Cách dùng: bash dev.sh examples | test | setup" >&2
        exit 2
        ;;
esac
