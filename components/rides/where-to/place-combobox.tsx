"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { searchPlaces, type NamedPlace } from "@/server/rides/demo-city/places";

/**
 * A text field that suggests the demo city's named places as you type (the
 * ARIA 1.2 combobox pattern): Down/Up move through the suggestions, Enter
 * picks one, Escape closes the list; a click picks too.
 */
export function PlaceCombobox({
  label,
  selectedLabel,
  placeholder,
  onSelect,
  onFocus,
}: {
  label: string;
  /** What the field shows for the current choice (a place's name, or a point picked on the map). */
  selectedLabel: string;
  placeholder?: string;
  onSelect: (place: NamedPlace) => void;
  onFocus?: () => void;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(selectedLabel);
  const [shownLabel, setShownLabel] = useState(selectedLabel);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // A choice made elsewhere (the map, a dragged pin) replaces what was typed.
  if (selectedLabel !== shownLabel) {
    setShownLabel(selectedLabel);
    setText(selectedLabel);
  }

  const suggestions = open ? searchPlaces(text) : [];
  const expanded = suggestions.length > 0;
  const choose = (place: NamedPlace) => {
    setText(place.name);
    setOpen(false);
    onSelect(place);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" && expanded) {
      event.preventDefault();
      const place = suggestions[Math.min(active, suggestions.length - 1)];
      if (place) choose(place);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="relative space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-option-${Math.min(active, suggestions.length - 1)}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={onFocus}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-auto rounded-lg border border-border bg-surface py-1 shadow-lg"
      >
        {suggestions.map((place, index) => (
          <li
            key={place.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input keeps its focus (its blur would close the list first).
            onMouseDown={(event) => {
              event.preventDefault();
              choose(place);
            }}
            onMouseEnter={() => setActive(index)}
            className={cn("flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm", index === active ? "bg-surface-2 text-fg" : "text-fg")}
          >
            <span>{place.name}</span>
            <span className="text-xs text-muted">{place.kind}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
