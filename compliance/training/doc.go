// Package training keeps a kommune's records of data-protection training and
// answers whether its staff are trained: which courses exist and whom they
// are for, who completed which course when, the coverage per unit and group
// at an instant, the renewals falling due, and where staff with access to
// confidential or special-category data lack current training.
//
// The GDPR asks the controller to be able to demonstrate compliance (Art 5(2),
// Art 24(1)), to take steps so that anyone acting under its authority with
// access to personal data processes them only on instructions (Art 32(4),
// Art 29), and gives the data protection officer the task of awareness-raising
// and training of staff (Art 39(1)(b)). No act fixes a curriculum or a renewal
// interval: courses, audiences and renewal intervals are the kommune's own
// choices, recorded in [Course], and the package only counts against them.
//
// Employees are named by an opaque ID the host chooses (an HR number, a
// directory GUID): no names are needed, and [Employee.Validate] rejects an ID
// that is a CPR number or a fødselsnummer. The roster itself (units, groups,
// the class of data each person can reach) comes from the host's HR or
// identity system at the time of the question and is not stored here.
//
// Findings and the report name units and groups by the host's codes and give
// counts, never employee IDs: [Coverage.Gaps] lists who lacks what, for the
// host's own follow-up.
package training
