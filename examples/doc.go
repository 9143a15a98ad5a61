// Package examples holds runnable programs that show tillid end to end. Each
// subdirectory is a main package: go run ./examples/NAME.
//
//   - deadlines: the Art 12(3) and Art 33(1) deadlines for an instant, counted
//     with the Danish or Norwegian holidays and explained in the chosen language.
package examples
