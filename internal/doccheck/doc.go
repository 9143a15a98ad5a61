// Package doccheck holds a test that every exported name in tillid has a doc
// comment. It has no code of its own.
package doccheck
