package training

import "github.com/tillid/tillid/internal/jsondec"

// MaxDecode is the largest JSON document the decoders accept, in bytes.
const MaxDecode = jsondec.Max

// DecodeCourse reads a course from untrusted JSON and validates it. Member
// names match exactly; unknown and repeated members, trailing data and
// documents over [MaxDecode] bytes are errors naming the field; no error
// repeats the input.
func DecodeCourse(data []byte) (Course, error) {
	var c Course
	if err := jsondec.Decode(data, &c, "course"); err != nil {
		return Course{}, err
	}
	if err := c.Validate(); err != nil {
		return Course{}, err
	}
	return c, nil
}

// DecodeCompletion reads a completion from untrusted JSON and validates it,
// like [DecodeCourse].
func DecodeCompletion(data []byte) (Completion, error) {
	var c Completion
	if err := jsondec.Decode(data, &c, "completion"); err != nil {
		return Completion{}, err
	}
	if err := c.Validate(); err != nil {
		return Completion{}, err
	}
	return c, nil
}

// DecodeEmployee reads an employee from untrusted JSON (a roster line from
// an HR export) and validates it, like [DecodeCourse].
func DecodeEmployee(data []byte) (Employee, error) {
	var e Employee
	if err := jsondec.Decode(data, &e, "employee"); err != nil {
		return Employee{}, err
	}
	if err := e.Validate(); err != nil {
		return Employee{}, err
	}
	return e, nil
}
