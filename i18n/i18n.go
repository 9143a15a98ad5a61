package i18n

import (
	"golang.org/x/text/language"

	"github.com/tillid/tillid/compliance"
)

// The supported languages. nb and nn are registered explicitly: with only
// "no" registered, x/text matches nb to Danish.
var (
	da = language.Danish
	nb = language.MustParse("nb")
	nn = language.MustParse("nn")
	en = language.English
)

// supported is the matcher's list; en is first, so it is the matcher's
// default (the fallback for a request in any other language).
var supported = [...]language.Tag{en, da, nb, nn}

var matcher = language.NewMatcher(supported[:])

// Supported returns the supported languages in a fixed order: da, nb, nn, en.
// The slice is a fresh copy.
func Supported() []language.Tag { return []language.Tag{da, nb, nn, en} }

// Match returns the supported language that best matches prefs — BCP 47
// tags or Accept-Language header values, in order of preference — or
// fallback when none matches. "no" and "no-NO" give nb; "da-DK" gives da.
//
// The result is always one of [Supported]: the matcher's own returned tag can
// carry a region extension (da-DK comes back as "da-u-rg-dkzzzz"), so Match
// uses the matcher's index instead.
func Match(fallback language.Tag, prefs ...string) language.Tag {
	var tags []language.Tag
	for _, p := range prefs {
		ts, _, err := language.ParseAcceptLanguage(p)
		if err != nil {
			continue // one malformed preference does not spoil the others
		}
		tags = append(tags, ts...)
	}
	if len(tags) == 0 {
		return fallback
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return fallback
	}
	return supported[i]
}

// DefaultFor returns the language of a jurisdiction's authorities: da for DK,
// nb for NO (Norwegian bokmål; kommuner that use nynorsk choose nn), and en
// for an invalid jurisdiction.
func DefaultFor(j compliance.Jurisdiction) language.Tag {
	switch j {
	case compliance.DK:
		return da
	case compliance.NO:
		return nb
	}
	return en
}

// index returns the position of tag in [Supported], matching the language
// only (nb-NO is nb); -1 when tag is not supported.
func index(tag language.Tag) int {
	base, _ := tag.Base()
	for i, t := range [...]language.Tag{da, nb, nn, en} {
		if b, _ := t.Base(); b == base {
			return i
		}
	}
	if b, _ := language.Norwegian.Base(); b == base {
		return 1 // "no" is bokmål
	}
	return -1
}
