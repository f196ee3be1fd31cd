// Package data is the domain of the plan map: sites (the plan's projects,
// candidate sites and existing schools) with the evidence for where each
// is, norms, status by year, subdistricts, the undoable editor, project
// files, imports and data exports.
//
// Floor: domain (imports ground and assets).
package data
