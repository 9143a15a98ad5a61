package i18n

import (
	"maps"
	"regexp"
	"slices"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// TestCatalogComplete checks that every area has the same keys in da, nb,
// nn and en, with no empty message: x/text renders a missing key as the key
// itself and catalog.Fallback does not fill gaps, so a gap would reach a
// citizen's letter as "breach.notice.title".
func TestCatalogComplete(t *testing.T) {
	byArea := map[string]map[language.Tag]map[string]entry{}
	for _, tb := range tables() {
		if byArea[tb.area] == nil {
			byArea[tb.area] = map[language.Tag]map[string]entry{}
		}
		keys := map[string]entry{}
		for _, e := range tb.entries {
			if _, dup := keys[e.key]; dup {
				t.Errorf("%s/%s: duplicate key %q", tb.area, tb.lang, e.key)
			}
			if e.msg == "" {
				t.Errorf("%s/%s: empty message for %q", tb.area, tb.lang, e.key)
			}
			keys[e.key] = e
		}
		if _, dup := byArea[tb.area][tb.lang]; dup {
			t.Errorf("area %s registered twice for %s", tb.area, tb.lang)
		}
		byArea[tb.area][tb.lang] = keys
	}
	for area, langs := range byArea {
		if len(langs) != 4 {
			t.Errorf("area %s has tables for %d languages, want 4", area, len(langs))
		}
		all := map[string]bool{}
		for _, keys := range langs {
			for k := range keys {
				all[k] = true
			}
		}
		for _, lang := range []language.Tag{da, nb, nn, en} {
			for _, k := range slices.Sorted(maps.Keys(all)) {
				if _, ok := langs[lang][k]; !ok {
					t.Errorf("area %s: %s has no message for %q", area, lang, k)
				}
			}
		}
	}
}

var verb = regexp.MustCompile(`%\[(\d+)\]([a-z])`)

// TestVerbsConsistent checks that every translation of a message uses the
// same arguments with the same verbs as the English source, so an argument
// is never dropped or printed with the wrong verb in one language.
func TestVerbsConsistent(t *testing.T) {
	source := map[string]entry{}
	for _, tb := range tables() {
		if tb.lang == en {
			for _, e := range tb.entries {
				source[e.key] = e
			}
		}
	}
	verbs := func(e entry) []string {
		set := map[string]bool{}
		for _, s := range []string{e.msg, e.one, e.zero} {
			for _, m := range verb.FindAllStringSubmatch(s, -1) {
				set[m[1]+m[2]] = true
			}
		}
		return slices.Sorted(maps.Keys(set))
	}
	for _, tb := range tables() {
		for _, e := range tb.entries {
			src, ok := source[e.key]
			if !ok {
				continue // TestCatalogComplete reports it
			}
			if got, want := verbs(e), verbs(src); !slices.Equal(got, want) {
				t.Errorf("%s %q uses %v, English uses %v", tb.lang, e.key, got, want)
			}
			if (e.one == "") != (src.one == "") {
				t.Errorf("%s %q: plural forms differ from English", tb.lang, e.key)
			}
		}
	}
}

func TestAddTo(t *testing.T) {
	b := catalog.NewBuilder()
	if err := AddTo(b); err != nil {
		t.Fatalf("AddTo = %v", err)
	}
	if got := len(b.Languages()); got != 4 {
		t.Errorf("host catalog has %d languages after AddTo, want 4", got)
	}
}
