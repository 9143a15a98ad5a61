package enum

import (
	"errors"
	"slices"
	"testing"
)

func TestSetHelpers(t *testing.T) {
	tab := newColours()
	if got := slices.Collect(Bits[colour](1<<1 | 1<<3)); !slices.Equal(got, []colour{1, 3}) {
		t.Errorf("Bits = %v, want [1 3]", got)
	}
	for range Bits[colour](0b1110) {
		break // must stop without panicking
	}
	b, err := MarshalSet(func(yield func(colourCode) bool) { yield("red"); yield("blue") })
	if err != nil || string(b) != `["red","blue"]` {
		t.Errorf("MarshalSet = %s, %v", b, err)
	}
	if b, _ := MarshalSet(func(func(colourCode) bool) {}); string(b) != `[]` {
		t.Errorf("MarshalSet(empty) = %s, want []", b)
	}
	var got []colour
	add := func(code string) error {
		c, err := tab.Parse(code)
		got = append(got, c)
		return err
	}
	malformed := errors.New("malformed")
	if err := UnmarshalSet([]byte(`["green","red"]`), malformed, add); err != nil || !slices.Equal(got, []colour{2, 1}) {
		t.Errorf("UnmarshalSet = %v, %v", got, err)
	}
	if err := UnmarshalSet([]byte(`{"x":1}`), malformed, add); !errors.Is(err, malformed) {
		t.Errorf("UnmarshalSet(object) error = %v, want malformed", err)
	}
	if err := UnmarshalSet([]byte(`["red","mauve"]`), malformed, add); !errors.Is(err, errUnknown) {
		t.Errorf("UnmarshalSet(unknown code) error = %v, want the vocabulary's error", err)
	}
}

type colourCode string

func (c colourCode) String() string { return string(c) }
