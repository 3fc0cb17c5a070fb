/** The review side panel's tabs: messages as the patient gets them, changes since the last approval, comments. */
export type ReviewTab = 'messages' | 'changes' | 'comments';

export function ReviewTabs({
  tab,
  onTab,
  openComments,
}: {
  tab: ReviewTab;
  onTab: (tab: ReviewTab) => void;
  openComments: number;
}) {
  const tabs: Array<[ReviewTab, string]> = [
    ['messages', 'Messages'],
    ['changes', 'Changes'],
    ['comments', openComments > 0 ? `Comments (${openComments} open)` : 'Comments'],
  ];
  return (
    <div className="tabs" role="tablist" aria-label="Review">
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={tab === id}
          className={tab === id ? 'is-active' : ''}
          onClick={() => onTab(id)}
          data-testid={`review-tab-${id}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
