import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client';

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', title: 'Enregistré', message });
}

export function notifyFailure(error: unknown, title = 'Ce n’est pas enregistré') {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 10_000 });
}
