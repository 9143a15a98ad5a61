package compliance

import (
	"iter"

	"github.com/shopspring/decimal"
	"github.com/tillid/tillid/internal/enum"
)

// Currency is an ISO 4217 currency that tillid's amounts (fines, budgets)
// use. The zero value is invalid.
type Currency uint8

// Currencies.

const DKK Currency = 1 // Danish krone
const NOK Currency = 2 // Norwegian krone
const EUR Currency = 3 // euro

var currencies = enum.New[Currency]("currency", "compliance.currency", UnknownCode, "dkk", "nok", "eur")

// ParseCurrency returns the Currency with the given lower-case ISO 4217 code.
func ParseCurrency(s string) (Currency, error) { return currencies.Parse(s) }

// AllCurrencies yields every Currency.
func AllCurrencies() iter.Seq[Currency] { return currencies.All() }

// String returns the stable code ("dkk").
func (c Currency) String() string { return currencies.String(c) }

// Key returns the i18n message key.
func (c Currency) Key() string { return currencies.Key(c) }

// Valid reports whether c is a known Currency.
func (c Currency) Valid() bool { return currencies.Valid(c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Currency) MarshalText() ([]byte, error) { return currencies.MarshalText(c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Currency) UnmarshalText(b []byte) error { return currencies.UnmarshalText(c, b) }

// Amount is an exact sum of money. Compare Amounts with [Amount.Equal]: the
// decimal value has no canonical representation, so == and reflect.DeepEqual
// may report equal sums as different. The zero value is invalid (no
// currency).
type Amount struct {
	Value    decimal.Decimal `json:"value"`
	Currency Currency        `json:"currency"`
}

// Equal reports whether a and b are the same sum in the same currency.
func (a Amount) Equal(b Amount) bool {
	return a.Currency == b.Currency && a.Value.Equal(b.Value)
}

// Add returns a+b; adding amounts in different currencies is an error.
func (a Amount) Add(b Amount) (Amount, error) {
	if a.Currency != b.Currency || !a.Currency.Valid() {
		return Amount{}, &FieldError{Field: "currency", Reason: ReasonInconsistent}
	}
	return Amount{Value: a.Value.Add(b.Value), Currency: a.Currency}, nil
}
