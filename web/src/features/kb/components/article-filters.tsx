import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { KB_CATEGORIES, type ArticleFilters, type KbCategory, type KbStatus } from '../api/types';

interface Props {
  filters: ArticleFilters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (f: ArticleFilters) => void;
}

export function ArticleFilterBar({ filters, search, onSearch, onChange }: Props) {
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput label="Search articles" placeholder="Title or text…" value={search} onChange={(e) => onSearch(e.currentTarget.value)} w={260} type="search" />
      <Select
        label="Category"
        placeholder="All categories"
        data={KB_CATEGORIES.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }))}
        value={filters.category ?? null}
        onChange={(v) => onChange({ ...filters, category: (v as KbCategory | null) ?? undefined })}
        clearable
        w={180}
      />
      <SegmentedControl
        aria-label="Status"
        value={filters.status ?? 'all'}
        onChange={(v) => onChange({ ...filters, status: v === 'all' ? undefined : (v as KbStatus) })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'published', label: 'Published' },
          { value: 'draft', label: 'Drafts' },
        ]}
      />
    </Group>
  );
}
