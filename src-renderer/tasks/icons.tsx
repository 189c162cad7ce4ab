// Small inline SVG icons (decorative: the buttons carry aria-labels).
const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true, focusable: false } as const;

export const CheckIcon = () => (
  <svg {...common}>
    <path d="M3.5 8.5l3 3 6-7" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const TrashIcon = () => (
  <svg {...common}>
    <path
      d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.2c.05.7.6 1.3 1.3 1.3h3.2c.7 0 1.25-.6 1.3-1.3l.6-8.2"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export const SearchIcon = () => (
  <svg {...common}>
    <circle cx="7" cy="7" r="4.5" stroke="currentColor" strokeWidth="1.5" />
    <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);

export const CalendarIcon = () => (
  <svg {...common}>
    <rect x="2.5" y="3.5" width="11" height="10" rx="2" stroke="currentColor" strokeWidth="1.3" />
    <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
  </svg>
);

export const FlagIcon = () => (
  <svg {...common}>
    <path d="M4 14V2.5M4 3h7.5l-1.5 3 1.5 3H4" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const ChevronIcon = () => (
  <svg {...common}>
    <path d="M6 3.5L10.5 8 6 12.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const CloseIcon = () => (
  <svg {...common}>
    <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);

export const InboxIcon = () => (
  <svg {...common}>
    <path
      d="M2.5 9.5l1.6-5.2c.15-.5.6-.8 1.1-.8h5.6c.5 0 .95.3 1.1.8l1.6 5.2v3a1 1 0 01-1 1h-9a1 1 0 01-1-1v-3zM2.5 9.5h3l1 1.5h3l1-1.5h3"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinejoin="round"
    />
  </svg>
);

export const SunIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="2.8" stroke="currentColor" strokeWidth="1.3" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
  </svg>
);

export const ListIcon = () => (
  <svg {...common}>
    <path d="M5.5 4h8M5.5 8h8M5.5 12h8M2.5 4h.5M2.5 8h.5M2.5 12h.5" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);

export const DotIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="4" fill="currentColor" />
  </svg>
);

export const RepeatIcon = () => (
  <svg {...common}>
    <path
      d="M3 7.5V6.5a2.5 2.5 0 0 1 2.5-2.5h7M10.5 2l2 2-2 2M13 8.5v1a2.5 2.5 0 0 1-2.5 2.5h-7M5.5 14l-2-2 2-2"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export const BellIcon = () => (
  <svg {...common}>
    <path
      d="M4 11.5V7a4 4 0 0 1 8 0v4.5l1 1H3l1-1zM6.5 13.5a1.5 1.5 0 0 0 3 0"
      stroke="currentColor"
      strokeWidth="1.3"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);
