package i18n

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tillid/tillid/compliance"
)

// Month names per language (da, nb, nn, en). Dates are formatted by our own
// layouts: time.Month prints English only, and the x/text packages tillid
// uses have no date formatter.
var months = [4][12]string{
	{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
	{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
	{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

func formatDate(lang int, d compliance.Date) string {
	if d.IsZero() || d.Month < 1 || d.Month > 12 {
		return ""
	}
	day := strconv.Itoa(d.Day)
	m := months[lang][d.Month-1]
	y := strconv.Itoa(d.Year)
	if lang == langEN {
		return day + " " + m + " " + y
	}
	return day + ". " + m + " " + y
}

// formatTime writes the date and the time of day of t, which is already in
// local time: Danish and Norwegian write "kl. 14.30" (Retskrivningsordbogen;
// Språkrådet) and no zone, English "at 14:30 CET".
func formatTime(lang int, t local) string {
	if t.t.IsZero() {
		return ""
	}
	date := formatDate(lang, compliance.DateOf(t.t))
	hh, mm := t.t.Hour(), t.t.Minute()
	two := func(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
	if lang == langEN {
		return date + " at " + two(hh) + ":" + two(mm) + " " + t.zone
	}
	return date + " kl. " + two(hh) + "." + two(mm)
}

// Separators per language: grouping and decimal mark. nb and nn group with
// U+00A0 NO-BREAK SPACE (Språkrådet; CLDR), da with a full stop.
var (
	groupSep   = [4]string{".", "\u00a0", "\u00a0", ","}
	decimalSep = [4]string{",", ",", ",", "."}
)

// formatDecimal formats d exactly, from its digits.
func formatDecimal(lang int, d decimal.Decimal, places int) string {
	if places < 0 {
		places = 0
		if e := d.Exponent(); e < 0 {
			places = int(-e)
		}
		// Drop trailing zeros of the fraction: 1.50 shows as 1,5, like the
		// value's own shortest form, without relying on decimal's globals.
		s := d.StringFixed(int32(places))
		for places > 0 && strings.HasSuffix(s, "0") {
			s = s[:len(s)-1]
			places--
		}
	}
	return groupDigits(lang, d.StringFixed(int32(places)))
}

// groupDigits localises a plain "-1234567.50" string.
func groupDigits(lang int, s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(groupSep[lang])
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteString(decimalSep[lang])
		b.WriteString(frac)
	}
	return b.String()
}

// formatAmount writes an amount with two decimals. Danish puts the symbol
// after the number ("1.234,50 kr."), Norwegian before ("kr 1 234,50"), as
// CLDR's currency patterns for da and nb do; English uses the ISO code.
func formatAmount(lang int, a compliance.Amount) string {
	num := formatDecimal(lang, a.Value, 2)
	code := strings.ToUpper(a.Currency.String())
	switch {
	case lang == langDA && a.Currency == compliance.DKK:
		return num + " kr."
	case (lang == langNB || lang == langNN) && a.Currency == compliance.NOK:
		return "kr " + num
	case lang == langDA && a.Currency == compliance.EUR:
		return num + " €"
	case lang == langDA:
		return num + " " + code
	}
	return code + " " + num
}
