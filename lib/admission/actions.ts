"use server";

import { defineAction } from "@/lib/action";
import * as c from "./commands";
import * as s from "./schema";

const ADMISSION = ["/admission", "/workspace", "/local-duties", "/funding"];

export const createAdmissionAction = defineAction({ schema: s.createAdmissionSchema, permission: "admission.apply", run: c.createAdmission, revalidate: ADMISSION });

export const updateAdmissionAction = defineAction({
  schema: s.updateAdmissionSchema,
  permission: "admission.edit",
  subject: (i, tx) => c.admissionSubject(tx, i.id),
  run: c.updateAdmission,
  revalidate: ADMISSION,
});

export const withdrawAdmissionAction = defineAction({
  schema: s.idSchema,
  permission: "admission.withdraw",
  subject: (i, tx) => c.admissionSubject(tx, i.id),
  run: c.withdrawAdmission,
  revalidate: ADMISSION,
});

export const initialReviewAction = defineAction({
  schema: s.initialReviewSchema,
  permission: "admission.initialReview",
  subject: (i, tx) => c.admissionSubject(tx, i.id),
  run: c.initialReview,
  revalidate: ADMISSION,
});

export const recordOpinionAction = defineAction({
  schema: s.opinionSchema,
  permission: "admission.opine",
  subject: async (i, tx) => {
    const subject = await c.admissionSubject(tx, i.id);
    if (!subject) return false;
    const members = await c.jointMembers(tx);
    return { ...subject, memberUnitId: i.unitId, memberUnitIds: members.map((m) => m.id) };
  },
  run: c.recordOpinion,
  revalidate: ADMISSION,
});

export const consultAction = defineAction({
  schema: s.consultSchema,
  permission: "admission.consult",
  subject: (i, tx) => c.admissionSubject(tx, i.id),
  run: c.respondToConsultation,
  revalidate: ADMISSION,
});

export const closeConsultationAction = defineAction({
  schema: s.closeConsultationSchema,
  permission: "admission.closeConsultation",
  subject: (i, tx) => c.admissionSubject(tx, i.id),
  run: c.closeConsultation,
  revalidate: ADMISSION,
});

export const decideAdmissionAction = defineAction({
  schema: s.decideSchema,
  permission: "admission.decide",
  subject: (i, tx) => c.admissionSubject(tx, i.id),
  run: c.decideAdmission,
  revalidate: ADMISSION,
});

export const fileAdmissionAction = defineAction({
  schema: s.fileSchema,
  permission: "admission.file",
  subject: (i, tx) => c.admissionSubject(tx, i.id),
  run: c.fileAdmission,
  revalidate: ADMISSION,
});

export const uploadAttachmentAction = defineAction({
  schema: s.uploadSchema,
  permission: "admission.edit",
  subject: (i, tx) => c.admissionSubject(tx, i.admissionId),
  run: c.uploadAttachment,
  revalidate: ["/admission"],
});

export const deleteAttachmentAction = defineAction({
  schema: s.attachmentIdSchema,
  permission: "admission.edit",
  subject: async (i, tx) => {
    const att = await tx.admissionAttachment.findUnique({ where: { id: i.attachmentId }, select: { admissionId: true } });
    return att ? c.admissionSubject(tx, att.admissionId) : false;
  },
  run: c.deleteAttachment,
  revalidate: ["/admission"],
});

export const saveSettingsAction = defineAction({ schema: s.settingsSchema, permission: "admission.settings", run: c.saveSettings, revalidate: ["/admission", "/appraisal"] });
