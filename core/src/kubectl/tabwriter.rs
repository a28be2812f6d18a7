//! Go's `text/tabwriter`, which kubectl formats its tables and `describe` output with: cells end
//! at tabs, and each run of consecutive lines that have a cell in a column is padded to that
//! column's widest cell plus the padding. Only space padding and left alignment are needed.

/// The most cells a line is split into; the rest stays in its last cell, tabs and all. Each
/// column is one level of recursion, so this bounds the stack for text with many tabs.
const MAX_CELLS: usize = 64;

/// The writer's settings, as `tabwriter.NewWriter(out, minwidth, tabwidth, padding, ' ', 0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TabWriter {
    /// The smallest width of a column, padding included.
    pub min_width: usize,
    /// Spaces added to the widest cell of a column.
    pub padding: usize,
}

impl TabWriter {
    /// kubectl's table printer (`get`): minimum width 6, padding 3.
    pub const TABLE: TabWriter = TabWriter {
        min_width: 6,
        padding: 3,
    };

    /// kubectl's `describe`: minimum width 0, padding 2.
    pub const DESCRIBE: TabWriter = TabWriter {
        min_width: 0,
        padding: 2,
    };

    /// Lays out `text`, whose cells are terminated by tabs.
    pub fn format(self, text: &str) -> String {
        let ends_with_newline = text.ends_with('\n');
        let body = text.strip_suffix('\n').unwrap_or(text);
        let lines: Vec<Vec<&str>> = body
            .split('\n')
            .map(|line| line.splitn(MAX_CELLS, '\t').collect())
            .collect();
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut widths = Vec::new();
        self.format_block(&lines, 0, lines.len(), &mut widths, &mut out);
        if ends_with_newline {
            out.push('\n');
        }
        out
    }

    /// Go's `Writer.format`: finds the column blocks of column `widths.len()` among
    /// `lines[first..end]`, recursing for the columns to their right.
    fn format_block(
        self,
        lines: &[Vec<&str>],
        first: usize,
        end: usize,
        widths: &mut Vec<usize>,
        out: &mut String,
    ) {
        let column = widths.len();
        let mut written = first;
        let mut this = first;
        while this < end {
            // A line has a cell in this column when the column's cell is tab-terminated.
            if column + 1 >= lines[this].len() {
                this += 1;
                continue;
            }
            self.write_lines(lines, written, this, widths, out);
            let block_start = this;
            let mut width = self.min_width;
            while this < end && column + 1 < lines[this].len() {
                width = width.max(lines[this][column].chars().count() + self.padding);
                this += 1;
            }
            widths.push(width);
            self.format_block(lines, block_start, this, widths, out);
            widths.pop();
            written = this;
        }
        self.write_lines(lines, written, end, widths, out);
    }

    /// Go's `Writer.writeLines`: each cell padded to its column's width, except a line's last.
    fn write_lines(
        self,
        lines: &[Vec<&str>],
        first: usize,
        end: usize,
        widths: &[usize],
        out: &mut String,
    ) {
        for (index, line) in lines.iter().enumerate().take(end).skip(first) {
            for (column, cell) in line.iter().enumerate() {
                out.push_str(cell);
                if let Some(width) = widths.get(column)
                    && column + 1 < line.len()
                {
                    let pad = width.saturating_sub(cell.chars().count());
                    out.extend(std::iter::repeat_n(' ', pad));
                }
            }
            if index + 1 < lines.len() {
                out.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    #[test]
    fn a_line_of_thousands_of_tabs_is_laid_out_without_deep_recursion() {
        let text = "a\t".repeat(100_000);
        let out = TabWriter::DESCRIBE.format(&format!("{text}\n{text}\n"));
        assert!(out.starts_with("a  a  "));
        assert_eq!(out.lines().count(), 2);
    }

    /// After Go's text/tabwriter tests: aligned columns, blocks broken by shorter lines.
    #[test]
    fn columns_align_within_blocks() {
        let table = TabWriter::TABLE
            .format("NAME\tREADY\tSTATUS\nnginx\t1/1\tRunning\nlong-name-here\t0/2\tInit:0/1\n");
        expect![[r#"
            NAME             READY   STATUS
            nginx            1/1     Running
            long-name-here   0/2     Init:0/1
        "#]]
        .assert_eq(&table);
        let describe = TabWriter::DESCRIBE.format(
            "Name:\tnginx\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\nService Account:\tdefault\n",
        );
        expect![[r#"
            Name:       nginx
            Namespace:  default
            IPs:
              IP:             10.0.0.1
            Service Account:  default
        "#]]
        .assert_eq(&describe);
    }
}
