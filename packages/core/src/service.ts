/**
 * The one table's data layer: every entity we store, joined in one ElectroDB
 * Service, which owns the layout of every item (keys, identifiers, derived
 * attributes) and the collections that read several entities in one Query. Nothing
 * else builds a key. docs/data-model.md lists the entities, indexes and access
 * patterns.
 */
import { Service } from "electrodb";
import { AttachmentEntity } from "./attachment/entity";
import { DigestDayEntity, DigestSlotEntity } from "./digest/entity";
import { InvitationEntity } from "./invitation/entity";
import { ListEntity } from "./list/entity";
import { MembershipEntity } from "./membership/entity";
import { NoticeEntity, ReminderClockEntity, ReminderEntity } from "./reminder/entity";
import { TaskEntity } from "./task/entity";
import { UserEntity } from "./user/entity";

export const service = new Service({
  task: TaskEntity,
  attachment: AttachmentEntity,
  user: UserEntity,
  reminder: ReminderEntity,
  notice: NoticeEntity,
  reminderClock: ReminderClockEntity,
  digestSlot: DigestSlotEntity,
  digestDay: DigestDayEntity,
  list: ListEntity,
  membership: MembershipEntity,
  invitation: InvitationEntity,
});
