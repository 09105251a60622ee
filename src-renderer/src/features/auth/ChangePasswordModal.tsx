import { Modal } from '@mantine/core';
import { notifySuccess } from '../../ui/notify';
import { FormActions } from '../../ui/FormActions';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Changer mon mot de passe">
      <ChangePasswordForm
        currentLabel="Mot de passe actuel"
        onChanged={() => {
          notifySuccess('Votre mot de passe est changé.');
          onClose();
        }}
        actions={(loading) => (
          <FormActions onCancel={onClose} submitLabel="Changer le mot de passe" loading={loading} />
        )}
      />
    </Modal>
  );
}
