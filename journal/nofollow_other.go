//go:build !unix

package journal

import "io/fs"

// noFollow is 0 where the OS has no O_NOFOLLOW (Windows): there the checks
// of every part of a path with Lstat, before it is opened, refuse a link.
const noFollow = 0

// ownedByUser reports whether the user running tillit owns the file; where
// files have no unix owner, they count as the user's.
func ownedByUser(fs.FileInfo) bool { return true }

// otherNames reports whether the file has names besides this one; where
// the OS does not say, it has none.
func otherNames(fs.FileInfo) bool { return false }
