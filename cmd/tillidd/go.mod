module github.com/tillid/tillid/cmd/tillidd

go 1.24.0

require (
	github.com/google/uuid v1.6.0
	github.com/tillid/tillid v0.0.0
	golang.org/x/text v0.30.0
)

require github.com/shopspring/decimal v1.6.0 // indirect

replace github.com/tillid/tillid => ../..
