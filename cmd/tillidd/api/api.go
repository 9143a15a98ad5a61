// Package api holds tillidd's OpenAPI 3.0 contract, kept in the
// repository and served at /openapi.json.
package api

import _ "embed"

// OpenAPI is the OpenAPI 3.0 document of the tillidd API.
//
//go:embed openapi.json
var OpenAPI []byte
