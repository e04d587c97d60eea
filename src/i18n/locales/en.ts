import type {Message} from '../catalog.js';

/**
 * English: the source catalog, with `enForms` (en-forms.ts: what only a form
 * shows after a submit). Their keys and forms define `Catalog`.
 */
export const en = {
  // common
  loading: 'Loading…',
  errorTitle: 'Couldn’t load this',
  errorNetwork: 'Couldn’t reach the server. Check your connection and try again.',
  errorTimeout: 'The server took too long to answer.',
  errorNotFound: 'This statement could not be found.',
  errorServer: 'The server had a problem.',
  errorInvalid: 'The server sent something we couldn’t read.',
  retry: 'Try again',

  // statement card
  share: 'Share',
  linkCopied: 'Link copied',
  published: 'Published {date}',
  updated: 'Updated {date}',
  photoCredit: 'Photo: {credit}',
  noteLabel: 'Note',
  goalProgress: '{count} of {goal} signatures',

  // signatory list
  signedOrganizations: {one: '{count} organization has signed', other: '{count} organizations have signed'},
  signedIndividuals: {one: '{count} person has signed', other: '{count} people have signed'},
  signedMixed: {one: '{count} has signed', other: '{count} have signed'},
  unlisted: {
    one: 'Plus {count} signatory who asked not to be listed',
    other: 'Plus {count} signatories who asked not to be listed',
  },
  noSignatories: 'No one has signed yet.',
  showMore: 'Show more',
  showingOf: 'Showing {shown} of {total}',
  searchLabel: 'Search signatories',
  searchPlaceholder: 'Name or place',
  noMatches: 'No signatories match “{query}”.',
  resultsCount: {one: '{count} result', other: '{count} results'},
  filterLabel: 'Show',
  filterAll: 'All',
  filterOrganizations: 'Organizations',
  filterIndividuals: 'People',
  signatoryNumber: 'No. {position}',
  notListed: 'Not listed',
  verified: 'verified: {domain}',
  verifiedTitle: 'Confirmed from an e-mail address at {domain} or checked by the publisher',

  // comments
  commentsHeading: {one: '{count} comment', other: '{count} comments'},
  noComments: 'No comments yet.',
  sortLabel: 'Sort by',
  sortOldest: 'Oldest first',
  sortNewest: 'Newest first',
  loadMore: 'Load more comments',
  newComments: {one: '{count} new comment — show', other: '{count} new comments — show'},
  newReplies: {one: '{count} new reply — show', other: '{count} new replies — show'},
  moreReplies: {one: '{count} more reply', other: '{count} more replies'},
  reply: 'Reply',
  inReplyTo: 'In reply to {name}',
  edited: 'edited',
  awaitingApproval: 'Awaiting approval — only you can see this',

  // forms
  signHeading: 'Add your name',
  fieldName: 'Name',
  fieldKind: 'Signing as',
  kindOrganization: 'An organization',
  kindIndividual: 'An individual',
  fieldOrganization: 'Organization',
  fieldRole: 'Role or affiliation',
  fieldLocation: 'Location',
  fieldEmail: 'E-mail',
  optional: 'optional',
  fieldPublic: 'Show my name publicly',
  privacy: 'Your e-mail is never shown publicly. We use it only to confirm your signature.',
  signSubmit: 'Sign',
  sending: 'Sending…',
  signingClosed: 'Signing is closed.',
  signingByInvite: 'Signing is by invitation. Open the link in your invitation to sign.',
  commentHeading: 'Join the discussion',
  fieldComment: 'Comment',
  charCount: '{count} / {max}',
  postComment: 'Post comment',
  postReply: 'Post reply',
  cancel: 'Cancel',
  commentsClosed: 'Comments are closed.',
  emailDomainsHint: 'Only addresses at {domains} can sign.',
  errorSend: 'Couldn’t send. Your text is kept — try again.',
} satisfies Record<string, Message>;
