//go:build !race

package ld

// raceDetector tells whether the tests run under the race detector, which
// empties sync.Pools at random, so that what a pool spares is allocated
// again: allocation counts mean nothing there.
const raceDetector = false
