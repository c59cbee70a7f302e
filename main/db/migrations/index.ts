import type { Migration } from '../../../platform/db/migrator';
import { migration001 } from './001-core';
import { migration002 } from './002-catalog';
import { migration003 } from './003-intake';
import { migration004 } from './004-sync';
import { migration005 } from './005-staff';
import { migration006 } from './006-case-search';
import { migration007 } from './007-bundle-key';
import { migration008 } from './008-agents';
import { migration009 } from './009-case-number-tail';
import { migration010 } from './010-signature';
import { migration011 } from './011-materials';
import { migration012 } from './012-upload-state';
import { migration013 } from './013-queue';
import { migration014 } from './014-appointments';
import { migration015 } from './015-handover';
import { migration019 } from './019-draft-pages';
import { migration020 } from './020-decision-key';

/** Every migration, statically imported, in order. Add new ones at the end; never edit a released one. */
export const migrations: Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012, migration013, migration014, migration015, migration019, migration020];
