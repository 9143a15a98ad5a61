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

// fieldError stands for compliance.FieldError: a pointer error whose fields a
// caller may fill in.
type fieldError struct {
	Field    string
	Accepted []string
}

func (e *fieldError) Error() string { return e.Field }

// Issue 14 item 6: every unknown code used to return the same error pointer,
// so a caller that filled in its Field changed the error every later caller
// saw, and its Accepted slice aliased the table.
func TestUnknownErrorIsFresh(t *testing.T) {
	tab := New[colour]("colour", "test.colour", func(_ string, accepted []string) error {
		return &fieldError{Accepted: accepted}
	}, "red", "green", "blue")
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 100; i++ {
				_, err := tab.Parse("purple")
				var fe *fieldError
				if !errors.As(err, &fe) {
					t.Errorf("Parse error %T", err)
					return
				}
				if fe.Field != "" || !slices.Equal(fe.Accepted, []string{"red", "green", "blue"}) {
					t.Errorf("error seen as %+v: another caller's change leaked in", fe)
					return
				}
				fe.Field = "mutated"
				fe.Accepted[0] = "mutated"
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	var c colour
	for _, err := range []error{tab.UnmarshalText(&c, []byte("x")), func() error { _, err := tab.MarshalText(9); return err }()} {
		fe := err.(*fieldError)
		if fe.Field != "" || fe.Accepted[0] != "red" {
			t.Errorf("error = %+v, want a fresh one", fe)
		}
		fe.Accepted[0] = "mutated"
	}
	if got := tab.Codes(); got[0] != "red" {
		t.Errorf("Codes() = %v: a caller's change reached the table", got)
	}
	if got, err := tab.Parse("red"); err != nil || got != 1 {
		t.Errorf("Parse(red) = %v, %v", got, err)
	}
}
