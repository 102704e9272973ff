/** The rule list: one rule per file, in the order they are documented. */
import { danglingReference } from './dangling-reference';
import { deadlineBeforeMeeting } from './deadline-before-meeting';
import { invalidDate } from './invalid-date';
import { missingDeadline } from './missing-deadline';
import { missingHeader } from './missing-header';
import { missingOwner } from './missing-owner';
import { notFollowedUp } from './not-followed-up';
import { numbering } from './numbering';
import { overdue } from './overdue';
import { placeholder } from './placeholder';
import type { Rule } from './rule';
import { unknownUnit } from './unknown-unit';
import { vagueDeadline } from './vague-deadline';
import { vagueOwner } from './vague-owner';

export const rules: readonly Rule[] = [
  missingOwner,
  missingDeadline,
  vagueOwner,
  vagueDeadline,
  unknownUnit,
  invalidDate,
  deadlineBeforeMeeting,
  overdue,
  notFollowedUp,
  danglingReference,
  placeholder,
  numbering,
  missingHeader,
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);

export type { Localized, Rule, RuleContext, WorkspaceDocuments } from './rule';
