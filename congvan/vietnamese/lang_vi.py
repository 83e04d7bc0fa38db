# -*- coding: utf-8 -*-
# Copyright (c) 2003, Taro Ogawa.  All Rights Reserved.
# Copyright (c) 2013, Savoir-faire Linux inc.  All Rights Reserved.

# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
# This library is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU
# Lesser General Public License for more details.
# You should have received a copy of the GNU Lesser General Public
# License along with this library; if not, write to the Free Software
# Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston,
# MA 02110-1301 USA

"""Vietnamese (vi) for num2words: the standard (formal, written) reading.

Every three-digit group after the first is read in full: "không trăm" for a zero
hundreds digit and "lẻ"/"linh" for a zero tens digit, so 2021 is "hai nghìn không
trăm hai mươi mốt" and 1000050 is "một triệu không trăm năm mươi". A final 1 after
a tens digit of 2 and above is "mốt", a final 5 after any tens digit is "lăm", a
final 4 after a tens digit of 2 and above is "bốn" or "tư". Groups are named
nghìn, triệu, tỷ; above a tỷ the number of tỷ is itself read as a number, as budget
figures are read (1.620.744 tỷ: "một triệu sáu trăm hai mươi nghìn bảy trăm bốn
mươi tư tỷ"; 1500 tỷ: "một nghìn năm trăm tỷ", not "một nghìn tỷ năm trăm tỷ").
Decimals follow "phẩy", read as a
number (1.25: "phẩy hai mươi lăm", 1.05: "phẩy không năm") or digit by digit.

Options (keyword arguments of num2words(..., lang='vi', ...)):
    zero_tens: 'lẻ' (default) or 'linh'
    four: 'bốn' (default) or 'tư'
    decimal: 'number' (default) or 'digits'
"""

from __future__ import unicode_literals

from decimal import ROUND_HALF_UP, Decimal

from typing import Any

from num2words.base import Num2Word_Base

DIGITS = ('không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám',
          'chín')
GROUP_NAMES = ('', 'nghìn', 'triệu')
ORDINALS = {1: 'nhất', 4: 'tư'}
ZERO_TENS = ('lẻ', 'linh')
FOURS = ('bốn', 'tư')
DECIMAL_MODES = ('number', 'digits')


class Num2Word_VI(Num2Word_Base):  # type: ignore[misc]  # num2words has no types
    # (major unit, minor unit); None: no minor unit in use.
    CURRENCY_FORMS = {
        'VND': ('đồng', None),
        'USD': ('đô la Mỹ', 'xu'),
        'EUR': ('euro', 'xu'),
    }

    def setup(self) -> None:
        self.negword = 'âm'
        self.pointword = 'phẩy'
        self.MAXVAL = 10 ** 21  # below a thousand billion tỷ
        self.errmsg_toobig = 'abs(%s) must be less than %s.'

    # -- options ----------------------------------------------------------

    @staticmethod
    def _option(value: str, allowed: tuple[str, ...], name: str) -> str:
        if value not in allowed:
            raise ValueError('%s must be one of %s, not %r'
                             % (name, ', '.join(allowed), value))
        return value

    # -- integers ---------------------------------------------------------

    @staticmethod
    def _group(value: int, full: bool, zero_tens: str, four: str) -> list[str]:
        """0 < value < 1000; full: read the hundreds even when zero (every
        group but the first)."""
        hundreds, tens, units = value // 100, value // 10 % 10, value % 10
        words: list[str] = []
        if full or hundreds:
            words += [DIGITS[hundreds], 'trăm']
        if tens == 0:
            if units:
                if words:
                    words.append(zero_tens)
                words.append(DIGITS[units])
        elif tens == 1:
            words.append('mười')
            if units:
                words.append('lăm' if units == 5 else DIGITS[units])
        else:
            words += [DIGITS[tens], 'mươi']
            if units:
                words.append({1: 'mốt', 4: four, 5: 'lăm'}.get(
                    units, DIGITS[units]))
        return words

    def _integer(self, value: int, zero_tens: str, four: str) -> list[str]:
        """Words for an int 0 <= value < MAXVAL."""
        if value >= self.MAXVAL:
            raise OverflowError(self.errmsg_toobig % (value, self.MAXVAL))
        if value == 0:
            return [DIGITS[0]]
        return self._below(value, True, zero_tens, four)

    def _below(self, value: int, top: bool, zero_tens: str, four: str) -> list[str]:
        """0 < value; top: the first words of the whole number (its first
        group is read short). The tỷ are counted as a number of their own,
        read the same way; below them come triệu, nghìn and units."""
        ty, rest = divmod(value, 10 ** 9)
        words: list[str] = []
        if ty:
            words += self._below(ty, top, zero_tens, four) + ['tỷ']
            top = False
        groups = [rest // 10 ** 6, rest // 1000 % 1000, rest % 1000]
        for index, group in enumerate(groups):
            if group == 0:
                continue
            words += self._group(group, not top, zero_tens, four)
            top = False
            if GROUP_NAMES[2 - index]:
                words.append(GROUP_NAMES[2 - index])
        return words

    # -- numbers ----------------------------------------------------------

    @staticmethod
    def _to_decimal(value: Any) -> Decimal:
        if isinstance(value, Decimal):
            number = value
        elif isinstance(value, float):
            number = Decimal(repr(value))  # 1.5 stays 1.5, not 1.50000...
        else:
            number = Decimal(value)
        if not number.is_finite():
            raise TypeError('Cannot read %s in words.' % value)
        return number

    @staticmethod
    def split(number: Decimal) -> tuple[bool, int, str]:
        """(negative, integer part, fraction digits without trailing zeros)
        of a finite Decimal."""
        text = format(abs(number), 'f')
        whole, _, fraction = text.partition('.')
        return number < 0, int(whole), fraction.rstrip('0')

    def _fraction(self, digits: str, mode: str, zero_tens: str, four: str) -> list[str]:
        if mode == 'digits':
            return [DIGITS[int(d)] for d in digits]
        stripped = digits.lstrip('0')
        return ([DIGITS[0]] * (len(digits) - len(stripped))
                + self._integer(int(stripped), zero_tens, four))

    def to_cardinal(self, value: Any, zero_tens: str = 'lẻ', four: str = 'bốn',
                    decimal: str = 'number') -> str:
        zero_tens = self._option(zero_tens, ZERO_TENS, 'zero_tens')
        four = self._option(four, FOURS, 'four')
        decimal = self._option(decimal, DECIMAL_MODES, 'decimal')
        negative, whole, fraction = self.split(self._to_decimal(value))
        words = self._integer(whole, zero_tens, four)
        if fraction:
            words.append(self.pointword)
            words += self._fraction(fraction, decimal, zero_tens, four)
        if negative and (whole or fraction):
            words.insert(0, self.negword)
        return str(self.title(' '.join(words)))

    def to_ordinal(self, value: Any, **kwargs: Any) -> str:
        self.verify_ordinal(value)
        value = int(value)
        if value in ORDINALS:
            return 'thứ ' + ORDINALS[value]
        return 'thứ ' + self.to_cardinal(value, **kwargs)

    def to_ordinal_num(self, value: Any) -> str:
        self.verify_ordinal(value)
        return 'thứ %d' % value

    def to_year(self, value: Any, **kwargs: Any) -> str:
        return self.to_cardinal(value, **kwargs)

    def to_currency(self, val: Any, currency: str = 'VND', cents: bool = True, separator: str = '',
                    adjective: bool = False, **kwargs: Any) -> str:
        """'một trăm nghìn đồng', 'mười đô la Mỹ năm mươi xu'.

        A currency with a minor unit is rounded to hundredths and the
        hundredths read with that unit; one without (VND) reads its decimals
        after "phẩy". `separator` goes between the major and the minor part.
        """
        try:
            major, minor = self.CURRENCY_FORMS[currency]
        except KeyError:
            raise NotImplementedError(
                'Currency code "%s" not implemented for "%s"' %
                (currency, self.__class__.__name__))
        number = self._to_decimal(val)
        if minor is None:
            return '%s %s' % (self.to_cardinal(number, **kwargs), major)
        number = number.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
        negative, whole, fraction = self.split(number)
        words = self.to_cardinal(whole, **kwargs) + ' ' + major
        if fraction:
            hundredths = int(fraction.ljust(2, '0'))
            words += '%s %s %s' % (
                separator,
                self.to_cardinal(hundredths, **kwargs) if cents
                else '%02d' % hundredths,
                minor)
        return (self.negword + ' ' if negative else '') + words
