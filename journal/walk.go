package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// found is what walk finds: a journal file where its name says it
// belongs, a year or month folder that is a link, or a folder that cannot
// be read (err).
type found struct {
	path    string
	name    fileName // zero for a folder
	link    bool     // a symbolic link: tillit follows none
	regular bool     // a plain file
	stamp   stamp    // with stat: the file's stamp
	statErr error    // with stat: why it has none (gone since the folder was read)
	err     error
}

// walk goes through the journal's folders by the table of kinds: the year
// folders, the month folders in them, and in each the files whose names
// belong there (a week's reflection in its year, a day in its month). What
// it finds comes in the order of the paths; a journal not yet made has
// nothing. With stat, each file's stamp is read too. The month folders are
// read on every core: a journal of years has hundreds.
func walk(root string, stat bool) []found {
	years, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return []found{{path: root, err: fmt.Errorf("read %s: %w", root, err)}}
	}
	// The year folders are read first; each month folder leaves a place
	// in the list, filled on every core below.
	var (
		list   [][]found
		months []int // the places of the month folders in list
		where  [][2]string
	)
	folder := func(path string, item fs.DirEntry) bool {
		if item.Type()&fs.ModeSymlink != 0 {
			list = append(list, []found{{path: path, link: true}})
			return false
		}
		return item.IsDir()
	}
	for _, y := range years {
		year := y.Name()
		yearPath := filepath.Join(root, year)
		if !isYearFolder(year) || !folder(yearPath, y) {
			continue
		}
		items, err := os.ReadDir(yearPath)
		if err != nil {
			list = append(list, []found{{path: yearPath, err: fmt.Errorf("read %s: %w", yearPath, err)}})
			continue
		}
		for _, item := range items {
			path := filepath.Join(yearPath, item.Name())
			if month := item.Name(); isMonthFolder(month) {
				if folder(path, item) {
					months = append(months, len(list))
					where = append(where, [2]string{year, month})
					list = append(list, []found{{path: path}})
				}
				continue
			}
			if n, ok := nameOf(item.Name()); ok && n.real && n.in(year, "") {
				f := found{path: path, name: n, link: item.Type()&fs.ModeSymlink != 0, regular: item.Type().IsRegular()}
				if stat && f.regular {
					f.stamp, f.statErr = statOf(item)
				}
				list = append(list, []found{f})
			}
		}
	}
	onEveryCore(len(months), func(i int) {
		at := months[i]
		list[at] = walkMonth(list[at][0].path, where[i][0], where[i][1], stat)
	})
	return slices.Concat(list...)
}

// walkMonth reads a month folder: its files named for its days.
func walkMonth(dir, year, month string, stat bool) []found {
	f, err := os.Open(dir)
	if err != nil {
		return []found{{path: dir, err: fmt.Errorf("read %s: %w", dir, err)}}
	}
	defer f.Close()
	items, err := f.ReadDir(-1)
	if err != nil {
		return []found{{path: dir, err: fmt.Errorf("read %s: %w", dir, err)}}
	}
	slices.SortFunc(items, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	out := make([]found, 0, len(items))
	for _, item := range items {
		n, ok := nameOf(item.Name())
		if !ok || !n.real || !n.in(year, month) {
			continue
		}
		ff := found{path: filepath.Join(dir, item.Name()), name: n, link: item.Type()&fs.ModeSymlink != 0, regular: item.Type().IsRegular()}
		if stat && ff.regular {
			ff.stamp, ff.statErr = statIn(f, item)
		}
		out = append(out, ff)
	}
	return out
}

// statOf reads the stamp of a folder's item.
func statOf(item fs.DirEntry) (stamp, error) {
	info, err := item.Info()
	if err != nil {
		return stamp{}, err
	}
	return stampOf(info), nil
}
