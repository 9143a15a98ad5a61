package enum

import (
	"errors"
	"slices"
	"testing"
)

type colour uint8

var errUnknown = errors.New("unknown")

func newColours() *Table[colour] {
	return New[colour]("colour", "test.colour", func(string, []string) error { return errUnknown }, "red", "green", "blue")
}

func TestTable(t *testing.T) {
	tab := newColours()
	if got := tab.Len(); got != 3 {
		t.Errorf("Len() = %d, want 3", got)
	}
	for v := range tab.All() {
		code := tab.String(v)
		got, err := tab.Parse(code)
		if err != nil || got != v {
			t.Errorf("Parse(%q) = %v, %v; want %v", code, got, err, v)
		}
		b, err := tab.MarshalText(v)
		if err != nil || string(b) != code {
			t.Errorf("MarshalText(%v) = %q, %v; want %q", v, b, err, code)
		}
		var back colour
		if err := tab.UnmarshalText(&back, b); err != nil || back != v {
			t.Errorf("UnmarshalText(%q) = %v, %v", b, back, err)
		}
	}
	if got := tab.Key(2); got != "test.colour.green" {
		t.Errorf("Key(2) = %q", got)
	}
	for _, bad := range []string{"", "Red", " red", "purple"} {
		if _, err := tab.Parse(bad); !errors.Is(err, errUnknown) {
			t.Errorf("Parse(%q) error = %v, want errUnknown", bad, err)
		}
	}
	if b, err := tab.MarshalText(0); err != nil || len(b) != 0 {
		t.Errorf("MarshalText(0) = %q, %v; want empty, nil", b, err)
	}
	if _, err := tab.MarshalText(9); !errors.Is(err, errUnknown) {
		t.Errorf("MarshalText(9) error = %v", err)
	}
	if tab.Valid(0) || tab.Valid(4) || tab.String(4) != "" || tab.Key(0) != "" {
		t.Error("values outside 1..n must be invalid")
	}
	v := colour(1)
	if err := tab.UnmarshalText(&v, []byte("nope")); err == nil || v != 1 {
		t.Errorf("UnmarshalText(nope) changed value to %v or gave no error", v)
	}
	if err := tab.UnmarshalText(&v, nil); err != nil || v != 0 {
		t.Errorf("UnmarshalText(empty) = %v, %v; want 0, nil", v, err)
	}
	codes := tab.Codes()
	codes[0] = "x"
	if !slices.Equal(tab.Codes(), []string{"red", "green", "blue"}) {
		t.Error("Codes must return a copy")
	}
	n := 0
	for range tab.All() {
		n++
		break
	}
	if n != 1 {
		t.Error("All must stop when yield returns false")
	}
}

func TestNewPanicsOnBadTables(t *testing.T) {
	for _, codes := range [][]string{nil, {"a", "a"}, {""}, {"Upper"}, {"has space"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New(%q) did not panic", codes)
				}
			}()
			New[colour]("x", "x", func(string, []string) error { return errUnknown }, codes...)
		}()
	}
}
