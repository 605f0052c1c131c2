// Package fieldpage renders the operators' field pages: today's visits
// (Hari ini), the result form of a visit with its correction, and the
// ketua tim's verification of results waiting.
package fieldpage
