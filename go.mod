module github.com/tillid/tillid

go 1.24.0

require (
	github.com/google/uuid v1.6.0
	github.com/shopspring/decimal v1.6.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.30.0
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
